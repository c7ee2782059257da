import { describe, expect, it } from 'vitest';
import { parseStoreConfig, StoreConfigError } from '../../lambda/store/config.js';

describe('parseStoreConfig', () => {
  it('reads the table, and the endpoint and region when set', () => {
    expect(
      parseStoreConfig({ TABLE_NAME: 'talks', DYNAMODB_ENDPOINT: 'http://127.0.0.1:8000', AWS_REGION: 'eu-west-1' }),
    ).toEqual({ tableName: 'talks', endpoint: 'http://127.0.0.1:8000', region: 'eu-west-1' });
    expect(parseStoreConfig({ TABLE_NAME: 'talks' })).toEqual({ tableName: 'talks' });
  });

  it('names the missing table and the malformed endpoint', () => {
    expect(() => parseStoreConfig({})).toThrow(StoreConfigError);
    expect(() => parseStoreConfig({})).toThrow(/TABLE_NAME/);
    expect(() => parseStoreConfig({ TABLE_NAME: 'talks', DYNAMODB_ENDPOINT: 'localhost' })).toThrow(
      /DYNAMODB_ENDPOINT/,
    );
  });
});
