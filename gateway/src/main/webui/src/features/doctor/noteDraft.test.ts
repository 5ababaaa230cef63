import { beforeEach, describe, expect, it } from 'vitest';
import { EMPTY_SOAP, draftStore, forgetDraftsOnSignOut, restore, toBody, type Soap } from './noteDraft';

const soap = (subjective: string, plan = ''): Soap => ({ ...EMPTY_SOAP, subjective, plan });

describe('restore', () => {
  it('shows the server text when this tab kept nothing, or kept the same text', () => {
    expect(restore({ soap: soap('saved'), version: 3 }, undefined)).toEqual({ kind: 'server', soap: soap('saved') });
    expect(restore({ soap: soap('saved'), version: 3 }, { soap: soap('saved'), baseVersion: 2 })).toEqual({ kind: 'server', soap: soap('saved') });
  });

  it('restores unsaved text typed over the version the server still has', () => {
    expect(restore({ soap: soap('saved'), version: 3 }, { soap: soap('saved and more'), baseVersion: 3 }))
      .toEqual({ kind: 'unsaved', soap: soap('saved and more') });
  });

  it('restores text typed before the note existed', () => {
    expect(restore(undefined, { soap: soap('first words'), baseVersion: null })).toEqual({ kind: 'unsaved', soap: soap('first words') });
    expect(restore(undefined, { soap: soap('  '), baseVersion: null }).kind).toBe('server');
  });

  it('is a conflict when someone saved another version meanwhile: the doctor text is kept to compare', () => {
    expect(restore({ soap: soap('theirs'), version: 5 }, { soap: soap('mine'), baseVersion: 3 }))
      .toEqual({ kind: 'conflict', soap: soap('mine') });
  });
});

describe('draftStore', () => {
  beforeEach(() => sessionStorage.clear());

  it('keeps a draft per scope until cleared, and clears all drafts at once', () => {
    draftStore.save('note:1', { soap: soap('a'), baseVersion: 1 });
    draftStore.save('encounter:2', { soap: soap('b'), baseVersion: null });
    sessionStorage.setItem('other', 'x');
    expect(draftStore.load('note:1')).toEqual({ soap: soap('a'), baseVersion: 1 });
    draftStore.clear('note:1');
    expect(draftStore.load('note:1')).toBeUndefined();
    draftStore.clearAll();
    expect(draftStore.load('encounter:2')).toBeUndefined();
    expect(sessionStorage.getItem('other')).toBe('x');
  });

  it('ignores what it cannot read', () => {
    sessionStorage.setItem('medi.note-draft.note:9', '{not json');
    expect(draftStore.load('note:9')).toBeUndefined();
  });
});

it('sends blank sections as null', () => {
  expect(toBody(soap('text', '  '))).toEqual({ subjective: 'text', objective: null, assessment: null, plan: null });
});

describe('forgetDraftsOnSignOut', () => {
  it('drops drafts on an explicit sign-out, keeps them when the session ran idle', () => {
    let state: { status: string; reason?: string } = { status: 'signed-in' };
    let listener = () => {};
    const stop = forgetDraftsOnSignOut({ subscribe: (l) => { listener = l; return () => {}; }, getState: () => state });
    draftStore.save('note:1', { soap: soap('a'), baseVersion: 1 });
    state = { status: 'signed-out', reason: 'idle' };
    listener();
    expect(draftStore.load('note:1')).toBeDefined();
    state = { status: 'signed-out', reason: 'signed-out' };
    listener();
    expect(draftStore.load('note:1')).toBeUndefined();
    stop();
  });
});
