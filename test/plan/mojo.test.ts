import { describe, expect, it } from 'vitest';
import { mojoFm } from '../../src/plan/mojo.js';

/** A partition written as clusters of objects. */
const partition = (clusters: Record<string, (string | number)[]>) =>
  new Map(
    Object.entries(clusters).flatMap(([name, objects]) => objects.map((object) => [String(object), name] as const)),
  );

describe('MoJo and MoJoFM', () => {
  it('counts the moves and joins worked out by hand', () => {
    // Move 3 into a3, move 5 into a3, join a2 (now {4}) into a1: three operations.
    // The largest distance from B: its sizes 3 and 5 allow 2 groups, so 8 - 2 = 6.
    const proposal = partition({ a1: [1, 2, 3], a2: [4, 5], a3: [6, 7, 8] });
    const reference = partition({ b1: [1, 2, 4], b2: [3, 5, 6, 7, 8] });
    expect(mojoFm(proposal, reference)).toEqual({ distance: 3, similarity: 50, objects: 8 });
  });

  it('settles ties so that clusters land apart: two moves, not two moves and a join', () => {
    const proposal = partition({ a1: [1, 2], a2: [3, 4] });
    const reference = partition({ b1: [1, 3], b2: [2, 4] });
    // Every object is misplaced and no partition is further away: similarity 0.
    expect(mojoFm(proposal, reference)).toEqual({ distance: 2, similarity: 0, objects: 4 });
  });

  it('is 100 for the reference itself, whatever the names, and 0 for one cluster per object', () => {
    const reference = partition({
      booking: ['Cargo', 'BookingService', 'RouteSpecification'],
      handling: ['HandlingEvent', 'HandlingEventService'],
      tracking: ['TrackingId'],
    });
    const renamed = partition({
      s1: ['Cargo', 'BookingService', 'RouteSpecification'],
      s2: ['HandlingEvent', 'HandlingEventService'],
      s3: ['TrackingId'],
    });
    expect(mojoFm(renamed, reference)).toEqual({ distance: 0, similarity: 100, objects: 6 });
    const singletons = new Map([...reference.keys()].map((object) => [object, object]));
    expect(mojoFm(singletons, reference).similarity).toBe(0);
  });

  it('counts only the objects the reference places: a class it leaves out is no move', () => {
    const proposal = partition({ a: ['Cargo', 'Leg', 'TestHelper'], b: ['HandlingEvent'] });
    const reference = partition({ booking: ['Cargo', 'Leg'], handling: ['HandlingEvent'] });
    expect(mojoFm(proposal, reference)).toEqual({ distance: 0, similarity: 100, objects: 3 });
  });
});
