import { describe, expect, it } from 'vitest';
import { isBreakGlass } from './audit';

describe('break-glass review', () => {
  it('flags the grant and every access under it, nothing else', () => {
    expect(isBreakGlass({ action: 'patient.break-glass', accessBasis: null })).toBe(true);
    expect(isBreakGlass({ action: 'patient.read', accessBasis: 'break-glass' })).toBe(true);
    expect(isBreakGlass({ action: 'patient.read', accessBasis: 'queue-entry' })).toBe(false);
    expect(isBreakGlass({ action: 'patient.display', accessBasis: 'front-desk' })).toBe(false);
  });
});
