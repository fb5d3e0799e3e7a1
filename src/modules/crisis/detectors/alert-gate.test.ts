import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { AlertGate, KeyedAlertGates } from './alert-gate.ts';

const MINUTE = 60_000;

describe('AlertGate', () => {
  // Each step: minute, firing, may alert → whether an alert is raised. Cool-down 30 minutes.
  const cases: { name: string; steps: [number, boolean, boolean][]; alerts: number[] }[] = [
    { name: 'a lasting event alerts once', steps: [[0, true, true], [20, true, true], [40, true, true], [60, true, true]], alerts: [0] },
    { name: 'a dip shorter than the cool-down stays one event', steps: [[0, true, true], [10, false, true], [20, true, true], [40, false, true], [45, true, true]], alerts: [0] },
    { name: 'a new event after a quiet cool-down alerts again', steps: [[0, true, true], [10, false, true], [41, false, true], [42, true, true]], alerts: [0, 42] },
    { name: 'quiet for exactly the cool-down ends the event', steps: [[0, true, true], [30, true, true]], alerts: [0, 30] },
    { name: 'unseen minutes count as quiet', steps: [[0, true, true], [2, true, true], [50, true, true]], alerts: [0, 50] },
    { name: 'firing during warm-up raises nothing, and alerts once warm', steps: [[0, true, false], [5, true, false], [6, true, true], [7, true, true]], alerts: [6] },
    { name: 'never firing never alerts', steps: [[0, false, true], [100, false, true]], alerts: [] },
  ];
  for (const { name, steps, alerts } of cases) {
    it(name, () => {
      const gate = new AlertGate(30 * MINUTE);
      const raised = steps.filter(([minute, firing, mayAlert]) => gate.consider(minute * MINUTE, firing, mayAlert)).map(([minute]) => minute);
      assert.deepEqual(raised, alerts);
    });
  }

  it('is active until the detector has been quiet for the cool-down, and survives a snapshot', () => {
    const gate = new AlertGate(30 * MINUTE);
    assert.equal(gate.consider(0, true, true), true);
    assert.equal(gate.activeSince(29 * MINUTE), 0);
    const restored = AlertGate.fromJSON(JSON.parse(JSON.stringify(gate)), 30 * MINUTE);
    assert.equal(restored.consider(10 * MINUTE, true, true), false, 'the restored gate knows the event is going on');
    assert.equal(restored.activeSince(40 * MINUTE), null);
  });
});

describe('KeyedAlertGates', () => {
  it('keeps one event per key and drops the keys whose event is over', () => {
    const gates = new KeyedAlertGates(10 * MINUTE);
    assert.equal(gates.consider('a', 0, true, true), true);
    assert.equal(gates.consider('b', 0, true, true), true);
    assert.equal(gates.consider('a', MINUTE, true, true), false);
    assert.equal(gates.consider('c', MINUTE, false, true), false);
    assert.deepEqual(gates.activeEvents(2 * MINUTE).map(({ key }) => key), ['a', 'b']);
    gates.prune(11 * MINUTE + 1);
    assert.deepEqual(Object.keys(gates.toJSON()), []);
  });
});
