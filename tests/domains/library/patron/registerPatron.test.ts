import { describe, it } from 'vitest';
import { patronCreated, registerPatron } from '../../../../src/domains/library/builders.ts';
import { given } from '../spec.ts';
import { ann, cora } from '../fixtures.ts';

describe('RegisterPatron', () => {
  it('registers a regular patron', () => {
    given([])
      .when(registerPatron(ann))
      .thenEvents([patronCreated(ann)]);
  });

  it('registers a researcher', () => {
    given([])
      .when(registerPatron(cora))
      .thenEvents([patronCreated(cora)]);
  });

  it('rejects an unknown patron type', () => {
    given([])
      .when({ type: 'RegisterPatron', data: { patronId: 'eve', name: 'Eve', patronType: 'VIP' } })
      .thenRejects('InvalidCommand', { field: 'data.patronType', problem: 'must be Regular or Researcher' });
  });

  it('rejects an id with a space', () => {
    given([])
      .when(registerPatron({ ...ann, patronId: 'ann lee' }))
      .thenRejects('InvalidCommand', { field: 'data.patronId' });
  });

  it('rejects a patron registered already', () => {
    given([patronCreated(ann)])
      .when(registerPatron({ ...ann, name: 'Another Ann' }))
      .thenRejects('PatronAlreadyRegistered', { patronId: 'ann' });
  });
});
