import { describe, expect, it } from 'vitest';
import { handleAsWritten } from '../../src/options/handle-as-written';

describe('a logged account, as the school writes its handle', () => {
  it.each([
    ['primaryredbourn', ['@PrimaryRedbourn'], '@PrimaryRedbourn'],
    ['primaryredbourn', ['PrimaryRedbourn '], '@PrimaryRedbourn'],
    ['PRIMARYREDBOURN', ['@PrimaryRedbourn', '@OtherSchool'], '@PrimaryRedbourn'],
    ['someoneelse', ['@PrimaryRedbourn'], '@someoneelse'],
    ['@staffmember', [], '@staffmember'],
  ])('%j with %j reads %j', (account, handles, shown) => {
    expect(handleAsWritten(account, handles)).toBe(shown);
  });
});
