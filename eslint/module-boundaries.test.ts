import { it, describe } from 'node:test';
import assert from 'node:assert/strict';
import { resolve } from 'node:path';
// @ts-expect-error the rule is plain JavaScript, loaded by ESLint
import { boundaryProblem } from './module-boundaries.js';

const file = (path: string) => resolve(process.cwd(), path);

describe('module boundary rule', () => {
  it('allows importing a lower module through its index.ts', () => {
    assert.equal(boundaryProblem(file('src/modules/routing/assign.ts'), '../people/index.ts'), undefined);
  });
  it('refuses reaching into another module past its index.ts', () => {
    assert.match(boundaryProblem(file('src/modules/routing/assign.ts'), '../people/people.schema.ts'), /through its index\.ts/);
  });
  it('lets a schema reference a lower module\'s schema for foreign keys, but not the other way', () => {
    assert.equal(boundaryProblem(file('src/modules/listening/listening.schema.ts'), '../people/people.schema.ts'), undefined);
    assert.match(boundaryProblem(file('src/modules/people/people.schema.ts'), '../listening/listening.schema.ts'), /must not depend/);
  });
  it('refuses importing upwards', () => {
    assert.match(boundaryProblem(file('src/modules/people/x.ts'), '../routing/index.ts'), /must not depend on "routing"/);
  });
  it('lets crisis use advocacy (a crisis pauses sharing), not the other way', () => {
    assert.equal(boundaryProblem(file('src/modules/crisis/room/effects.ts'), '../../advocacy/index.ts'), undefined);
    assert.match(boundaryProblem(file('src/modules/advocacy/shares/x.ts'), '../../crisis/index.ts'), /must not depend on "crisis"/);
  });
  it('refuses a web feature importing another feature', () => {
    assert.match(boundaryProblem(file('web/src/features/people/a.tsx'), '../spokes/index.tsx'), /must not import feature "spokes"/);
  });
  it('leaves imports inside one module alone', () => {
    assert.equal(boundaryProblem(file('src/modules/people/a.ts'), './people.schema.ts'), undefined);
  });
});
