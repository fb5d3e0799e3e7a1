// One event, one alert. A detector reports at each evaluation whether it is firing
// (above its threshold, with enough volume); the gate raises an alert only when an
// event starts, and the event lasts until the detector has been quiet for the whole
// cool-down. A spike that dips under the threshold and rises again is still one event;
// a second spike after a quiet cool-down is a new one.

export interface AlertGateSnapshot {
  inEvent: boolean;
  eventStartedAt: number | null;
  lastFiringAt: number | null;
}

export class AlertGate {
  private inEvent = false;
  private eventStartedAt: number | null = null;
  private lastFiringAt: number | null = null;

  constructor(private readonly cooldownMs: number) {}

  /**
   * Records one evaluation at `now`; true when it starts an event (raise the alert).
   * `mayAlert` is false during warm-up: firing is remembered, but no event starts.
   */
  consider(now: number, firing: boolean, mayAlert: boolean): boolean {
    if (this.inEvent && !this.isActive(now)) this.inEvent = false;
    if (!firing) return false;
    this.lastFiringAt = now;
    if (this.inEvent || !mayAlert) return false;
    this.inEvent = true;
    this.eventStartedAt = now;
    return true;
  }

  /** Whether an event is going on: it alerted and has not yet been quiet for the cool-down. */
  isActive(now: number): boolean {
    return this.inEvent && this.lastFiringAt !== null && now - this.lastFiringAt < this.cooldownMs;
  }

  /** When the current event started, if one is going on. */
  activeSince(now: number): number | null {
    return this.isActive(now) ? this.eventStartedAt : null;
  }

  /** Nothing worth keeping: no event going on (a gate in a map of many may be dropped). */
  isIdle(now: number): boolean {
    return !this.isActive(now);
  }

  toJSON(): AlertGateSnapshot {
    return { inEvent: this.inEvent, eventStartedAt: this.eventStartedAt, lastFiringAt: this.lastFiringAt };
  }

  static fromJSON(snapshot: AlertGateSnapshot, cooldownMs: number): AlertGate {
    const gate = new AlertGate(cooldownMs);
    gate.inEvent = snapshot.inEvent;
    gate.eventStartedAt = snapshot.eventStartedAt;
    gate.lastFiringAt = snapshot.lastFiringAt;
    return gate;
  }
}

/**
 * One gate per key (a category, a trigger word, an author), made when the key first
 * fires and dropped once its event is over, so the map holds only what is going on.
 */
export class KeyedAlertGates {
  private gates = new Map<string, AlertGate>();

  constructor(private readonly cooldownMs: number) {}

  /** As AlertGate.consider, for `key`. */
  consider(key: string, now: number, firing: boolean, mayAlert: boolean): boolean {
    let gate = this.gates.get(key);
    if (!gate) {
      if (!firing) return false;
      gate = new AlertGate(this.cooldownMs);
      this.gates.set(key, gate);
    }
    return gate.consider(now, firing, mayAlert);
  }

  activeSince(key: string, now: number): number | null {
    return this.gates.get(key)?.activeSince(now) ?? null;
  }

  /** The keys with an event going on, and since when. */
  activeEvents(now: number): { key: string; since: number }[] {
    const active: { key: string; since: number }[] = [];
    for (const [key, gate] of this.gates) {
      const since = gate.activeSince(now);
      if (since !== null) active.push({ key, since });
    }
    return active;
  }

  /** Drops the gates whose event is over. */
  prune(now: number): void {
    for (const [key, gate] of this.gates) if (gate.isIdle(now)) this.gates.delete(key);
  }

  toJSON(): Record<string, AlertGateSnapshot> {
    return Object.fromEntries([...this.gates].map(([key, gate]) => [key, gate.toJSON()]));
  }

  static fromJSON(snapshot: Record<string, AlertGateSnapshot>, cooldownMs: number): KeyedAlertGates {
    const keyed = new KeyedAlertGates(cooldownMs);
    for (const [key, gate] of Object.entries(snapshot)) keyed.gates.set(key, AlertGate.fromJSON(gate, cooldownMs));
    return keyed;
  }
}
