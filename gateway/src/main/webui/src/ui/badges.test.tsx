import { DEFAULT_THEME, MantineProvider } from '@mantine/core';
import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ESI_TONES, EsiBadge, SLA_TONES, STATUS_TONES, StatusBadge, type BadgeTone } from './badges';
import { theme } from '../layout/theme';

/** WCAG 2.x relative luminance and contrast ratio. */
function luminance(colour: string): number {
  const hex = colour.length === 4 ? `#${[...colour.slice(1)].map((c) => c + c).join('')}` : colour;
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255)
    .map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

function ratio(tone: BadgeTone): number {
  const colours = { ...DEFAULT_THEME.colors, ...theme.colors };
  const background = colours[tone.hue]?.[tone.shade];
  if (!background) throw new Error(`no colour ${tone.hue}.${tone.shade}`);
  return contrast(background.toLowerCase(), tone.text === 'black' ? DEFAULT_THEME.black : DEFAULT_THEME.white);
}

describe('badge colours (WCAG AA, the same in light and dark themes)', () => {
  it.each([1, 2, 3, 4, 5])('ESI %i has at least 4.5:1', (level) => {
    expect(ratio(ESI_TONES[level]!)).toBeGreaterThanOrEqual(4.5);
  });

  it.each(Object.keys(STATUS_TONES))('status %s has at least 4.5:1', (status) => {
    expect(ratio(STATUS_TONES[status]!.tone)).toBeGreaterThanOrEqual(4.5);
  });

  it.each(Object.keys(SLA_TONES) as (keyof typeof SLA_TONES)[])('SLA %s has at least 4.5:1', (state) => {
    expect(ratio(SLA_TONES[state].tone)).toBeGreaterThanOrEqual(4.5);
  });

  it('paints the chosen pair, not an automatic guess', () => {
    render(<MantineProvider theme={theme}><EsiBadge level={3} /><StatusBadge status="FINISHED" /></MantineProvider>);
    expect(screen.getByLabelText('ESI level 3')).toHaveStyle({ backgroundColor: 'var(--mantine-color-yellow-4)', color: 'var(--mantine-color-black)' });
    expect(screen.getByText('Finished').closest('.mantine-Badge-root')).toHaveStyle({ color: 'var(--mantine-color-white)' });
  });
});
