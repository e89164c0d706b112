import { describe, expect, it } from '@jest/globals';
import { parseId, resolveOutput, withField } from '../../src/cli/args.js';
import { ExitCode, mostSerious } from '../../src/errors.js';

describe('parseId', () => {
  it.each([
    ['42', '42'],
    ['007', '7'],
    ['9223372036854775807', '9223372036854775807'],
  ])('accepts %s', (text, id) => expect(parseId(text)).toBe(id));

  it.each(['0', '-1', '4.2', 'abc', '', '9223372036854775808', '1e3', '42abc'])('rejects %p', (text) => {
    expect(() => parseId(text)).toThrow(/invalid task id/);
  });
});

describe('resolveOutput', () => {
  it('defaults to table, --json means json, and a contradiction is a usage error', () => {
    expect(resolveOutput(undefined, undefined)).toBe('table');
    expect(resolveOutput('status', undefined)).toBe('status');
    expect(resolveOutput(undefined, true)).toBe('json');
    expect(resolveOutput('json', true)).toBe('json');
    expect(() => resolveOutput('table', true)).toThrow(/contradicts/);
  });
});

describe('mostSerious', () => {
  it('orders outcomes 2, 4, 1, 3, 124, 0 as the contract says', () => {
    expect(mostSerious([0, 124, 3, 1, 4, 2])).toBe(ExitCode.usage);
    expect(mostSerious([0, 124, 3, 1, 4])).toBe(ExitCode.auth);
    expect(mostSerious([0, 124, 3, 1])).toBe(ExitCode.failure);
    expect(mostSerious([124, 3, 0])).toBe(ExitCode.notFound);
    expect(mostSerious([0, 124])).toBe(ExitCode.deadline);
    expect(mostSerious([0, 0])).toBe(ExitCode.ok);
    expect(mostSerious([])).toBe(ExitCode.ok);
  });
});

describe('withField', () => {
  it('adds a field a command must read, unless it or an alias is there', () => {
    expect(withField(undefined, 'status')).toBeUndefined();
    expect(withField('id,case_id', 'status', 'state')).toBe('id,case_id,status');
    expect(withField('id, state', 'status', 'state')).toBe('id, state');
    expect(withField('status', 'id')).toBe('status,id');
  });
});
