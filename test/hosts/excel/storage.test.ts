/**
 * OfficeRuntime.storage as the Excel add-in's bounded cache (src/hosts/excel/storage.ts): no TTL and
 * about 10 MB per domain (Microsoft's OfficeRuntime.Storage reference), so the entries written
 * are indexed with their sizes and the least recently written go first once over budget.
 */
import { describe, expect, it } from "vitest";
import { boundedOfficeStorage } from "../../../src/hosts/excel/storage";

function storage() {
  const map = new Map<string, string>();
  return {
    map,
    getItem: async (k: string) => map.get(k) ?? null,
    setItem: async (k: string, v: string) => void map.set(k, v),
    removeItem: async (k: string) => void map.delete(k),
  };
}

describe("boundedOfficeStorage", () => {
  it("drops the least recently written entries once the budget is exceeded, and only its own", async () => {
    const s = storage();
    s.map.set("marginal-bid.proxyUrl", "http://localhost:8787"); // the task pane's setting: never pruned
    let t = 0;
    const b = boundedOfficeStorage(s, { budgetChars: 100, now: () => ++t });
    await b.put("mb1:a", "a".repeat(40), 0);
    await b.put("mb1:b", "b".repeat(40), 0);
    expect(await b.get("mb1:a")).toBe("a".repeat(40));
    await b.put("mb1:c", "c".repeat(40), 0); // 120 > 100: the oldest (a) goes
    expect(s.map.has("mb1:a")).toBe(false);
    expect(s.map.get("mb1:b")).toBe("b".repeat(40));
    expect(s.map.get("mb1:c")).toBe("c".repeat(40));
    await b.put("mb1:b", "B".repeat(10), 0); // rewriting b makes it the newest: 40 + 10 = 50
    await b.put("mb1:d", "d".repeat(45), 0); // 95: nothing to drop
    expect([...s.map.keys()].filter((k) => k.startsWith("mb1:") && k !== "mb1:#index").sort()).toEqual(["mb1:b", "mb1:c", "mb1:d"]);
    await b.put("mb1:e", "e".repeat(30), 0); // 125: c (written at t=3) goes, then 85 ≤ 100
    expect(s.map.has("mb1:c")).toBe(false);
    expect(s.map.get("marginal-bid.proxyUrl")).toBe("http://localhost:8787");
    expect(Object.keys(JSON.parse(s.map.get("mb1:#index")!)).sort()).toEqual(["mb1:b", "mb1:d", "mb1:e"]);
  });

  it("never stores a value larger than the whole budget; survives an unreadable index", async () => {
    const s = storage();
    s.map.set("mb1:#index", "not json");
    const b = boundedOfficeStorage(s, { budgetChars: 10 });
    await b.put("mb1:big", "x".repeat(11), 0);
    expect(s.map.has("mb1:big")).toBe(false);
    await b.put("mb1:small", "x".repeat(5), 0);
    expect(s.map.get("mb1:small")).toBe("xxxxx");
  });
});
