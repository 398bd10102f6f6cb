// The capacity model's arithmetic (scripts/capacity.js, docs/scaling.md), on round inputs
// worked out by hand.
const { model, measuredFrom, MEASURED, UN_HIGH_LEVEL_WEEK } = require('./capacity');

const unit = {
  redisCallsPerCommand: 50, redisCallsPerViewerJoin: 20, redisCallsPerIdleViewerSecond: 0.01,
  cpuMsPerCommand: { gateway: 2, floor: 5, recorder: 10, qna: 0 },
  gatewayCpuUsPerViewerPerCommand: 5, gatewayCpuMsPerViewerJoin: 10, postgresRowsPerIntervention: 8, gatewayMbPer1000Viewers: 10,
};
const scenario = {
  delegations: 100, consolesPerDelegation: 2, viewers: 9800, meetings: 4, peakCommandsPerMeeting: 10,
  utilisation: 0.5, rejoinSeconds: 10, redisCallsPerShardSecond: 10000, coresPerGateway: 1,
};

describe('capacity model', () => {
  it('sizes gateways for the steady load plus one, or for a lost gateway\'s rejoin, whichever is more', () => {
    const out = model(unit, scenario);
    expect(out.commandsPerSecond).toBe(40);
    expect(out.sockets).toBe(10000);
    // 10,000 sockets × 10 commands/s × 5 µs = 0.5 cores; 40 commands/s × 2 ms = 0.08 cores.
    expect(out.gateway.coresSteady).toBeCloseTo(0.58, 10);
    expect(out.gateway.forSteady).toBe(2);                 // ceil(0.58 / 0.5)
    // Rejoin: 9,800 × 10 ms = 98 CPU-s; G(G−1)·10 s·0.5 ≥ 98 → G(G−1) ≥ 19.6 → G = 5 (20).
    expect(out.gateway.rejoinCpuSeconds).toBeCloseTo(98, 10);
    expect(out.gateway.forRejoin).toBe(5);
    expect(out.gateway.count).toBe(5);                     // max(2 + 1, 5)
    expect(out.gateway.viewersPerCore).toBe(10000);        // 0.5 s / (10 × 5 µs)
    expect(out.gateway.memoryMbEach).toBeCloseTo(20, 10);  // 2,000 sockets each × 10 MB / 1,000
  });

  it('sizes Redis from commands, idle sockets and the rejoin storm', () => {
    const out = model(unit, scenario);
    // 40 × 50 = 2,000; 10,000 × 0.01 = 100; 9,800 / 5 / 10 s = 196 viewers/s × 20 = 3,920.
    expect(out.redis.rejoinViewersPerSecond).toBeCloseTo(196, 10);
    expect(out.redis.callsPerSecond).toBeCloseTo(6020, 10);
    expect(out.redis.shards).toBe(2);                      // ceil(6,020 / 5,000)
    expect(model(unit, { ...scenario, viewers: 0, delegations: 0, meetings: 0 }).redis.shards).toBe(1); // never fewer than one
  });

  it('checks that one floor process keeps up (each sees every command); recorders scale with N+1, at least 2', () => {
    const out = model(unit, scenario);
    expect(out.floor.commandsPerSecondPerProcess).toBeCloseTo(100, 10); // 1000 / 5 ms × 0.5
    expect(out.floor).toMatchObject({ count: 2, keepsUp: true });
    expect(model(unit, { ...scenario, meetings: 11 }).floor.keepsUp).toBe(false); // 110/s > 100/s
    expect(out.recorder.cores).toBeCloseTo(0.4, 10);       // 40 × 10 ms
    expect(out.recorder.count).toBe(2);                    // max(2, ceil(0.8) + 1)
    expect(model(unit, { ...scenario, meetings: 20 }).recorder.count).toBe(5); // 2 cores / 0.5 = 4, + 1
    expect(out.postgres.rowsPerSecond).toBeCloseTo(80, 10); // 40 commands/s × 8 rows / 4 commands
  });

  it('takes its unit costs from footprint.json and the bench\'s results.json, keeping the built-in ones for what they lack', () => {
    const m = measuredFrom({ measured: { redisCallsPerCommand: 61, cpuMsPerCommand: { floor: 3 }, postgresRowsPerInterventionTotal: 9 } }, { results: { memory: { heapMbPer1000: 5 } } });
    expect(m).toMatchObject({ redisCallsPerCommand: 61, postgresRowsPerIntervention: 9, gatewayMbPer1000Viewers: 5, redisCallsPerViewerJoin: MEASURED.redisCallsPerViewerJoin });
    expect(m.cpuMsPerCommand).toEqual({ ...MEASURED.cpuMsPerCommand, floor: 3 });
    expect(measuredFrom(undefined, undefined)).toEqual(MEASURED);
  });

  it('sizes the UN high-level week from the built-in figures', () => {
    const out = model(MEASURED, UN_HIGH_LEVEL_WEEK);
    expect(out.sockets).toBe(100000 + 193 * 3);
    expect(out.gateway.count).toBeGreaterThanOrEqual(out.gateway.forSteady + 1);
    expect(out.gateway.count).toBeGreaterThanOrEqual(out.gateway.forRejoin);
    expect(out.redis.shards).toBeGreaterThanOrEqual(1);
  });
});
