import type { PatientSchemas } from '../../api/client';

type Observation = PatientSchemas['ObservationView'];

/** The vital signs patient-service records: LOINC code, UCUM unit, and the range the form accepts. */
export interface VitalSignDefinition {
  code: string;
  /** Other LOINC codes the same sign is filed under (SpO₂ by pulse oximetry). */
  aliases?: string[];
  key: string;
  label: string;
  unit: string;
  ucum: string;
  min: number;
  max: number;
  decimals?: number;
}

export const VITAL_SIGNS: VitalSignDefinition[] = [
  { code: '8867-4', key: 'heartRate', label: 'Heart rate', unit: '/min', ucum: '/min', min: 20, max: 300 },
  { code: '9279-1', key: 'respiratoryRate', label: 'Respiratory rate', unit: '/min', ucum: '/min', min: 2, max: 100 },
  { code: '2708-6', aliases: ['59408-5'], key: 'spo2', label: 'SpO₂', unit: '%', ucum: '%', min: 50, max: 100 },
  { code: '8480-6', key: 'systolicBp', label: 'Systolic BP', unit: 'mmHg', ucum: 'mm[Hg]', min: 40, max: 300 },
  { code: '8462-4', key: 'diastolicBp', label: 'Diastolic BP', unit: 'mmHg', ucum: 'mm[Hg]', min: 10, max: 200 },
  { code: '8310-5', key: 'temperatureCelsius', label: 'Temperature', unit: '°C', ucum: 'Cel', min: 25, max: 45, decimals: 1 },
  { code: '72514-3', key: 'pain', label: 'Pain', unit: '0–10', ucum: '{score}', min: 0, max: 10 },
  { code: '29463-7', key: 'weight', label: 'Weight', unit: 'kg', ucum: 'kg', min: 0.2, max: 500, decimals: 3 },
];

export const CONSCIOUSNESS_CODE = '67775-7';
export const CONSCIOUSNESS_LEVELS = [
  { value: 'A', label: 'Alert' },
  { value: 'C', label: 'New confusion' },
  { value: 'V', label: 'Responds to voice' },
  { value: 'P', label: 'Responds to pain' },
  { value: 'U', label: 'Unresponsive' },
];

/** HL7 v3 ObservationInterpretation, as patient-service flags each value against the age's reference range. */
/** Flag colours chosen for WCAG AA text contrast on the badge: white on dark red, black on light orange. */
export const INTERPRETATIONS: Record<string, { label: string; color: string; text: string; abnormal: boolean }> = {
  LL: { label: 'Critical low', color: 'red.9', text: 'white', abnormal: true },
  L: { label: 'Low', color: 'orange.4', text: 'black', abnormal: true },
  N: { label: 'Normal', color: 'gray', text: 'inherit', abnormal: false },
  H: { label: 'High', color: 'orange.4', text: 'black', abnormal: true },
  HH: { label: 'Critical high', color: 'red.9', text: 'white', abnormal: true },
  AA: { label: 'Critical abnormal', color: 'red.9', text: 'white', abnormal: true },
};

export function signOf(code: string | null | undefined): VitalSignDefinition | undefined {
  return VITAL_SIGNS.find((s) => s.code === code || s.aliases?.includes(code ?? ''));
}

/** The newest value of each sign (observations come newest first). */
export function latestBySign(observations: Observation[]): Map<string, Observation> {
  const latest = new Map<string, Observation>();
  for (const o of observations) {
    const key = signOf(o.code)?.code ?? o.code ?? '';
    if (!latest.has(key)) latest.set(key, o);
  }
  return latest;
}
