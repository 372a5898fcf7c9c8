// The deep copy behind gas.fork: plain data and named classes, shared references and cycles
// kept, sparse arrays kept sparse, anything unknown refused.

import vm from 'node:vm';
import { copyData, DeepCopy } from './deep-copy';

class Node {
  parent: Node | null = null;
  readonly children: Node[] = [];
  cache: unknown = 'warm';
}

describe('DeepCopy', () => {
  it('copies plain data, Maps, Sets and Dates, keeping shared references shared', () => {
    const shared = { n: 1 };
    const source = {
      list: [shared, shared],
      map: new Map([['a', shared]]),
      set: new Set([shared]),
      when: new Date('2026-11-30T00:00:00Z'),
    };
    const copy = copyData(source);
    expect(copy).toEqual(source);
    expect(copy.list[0]).not.toBe(shared);
    expect(copy.list[0]).toBe(copy.list[1]);
    expect(copy.map.get('a')).toBe(copy.list[0]);
    expect([...copy.set][0]).toBe(copy.list[0]);
    expect(copy.when).not.toBe(source.when);
  });

  it('keeps a sparse array sparse', () => {
    const sparse: unknown[] = [];
    sparse[5] = 'x';
    const copy = copyData(sparse);
    expect(copy).toHaveLength(6);
    expect(0 in copy).toBe(false);
    expect(copy[5]).toBe('x');
  });

  it('copies instances of the classes it is given, with cycles, and resets the fields named', () => {
    const root = new Node();
    const child = new Node();
    child.parent = root;
    root.children.push(child);
    const copy = new DeepCopy([{ type: Node, reset: { cache: null } }]).copy(root);
    expect(copy).toBeInstanceOf(Node);
    expect(copy.children[0]?.parent).toBe(copy);
    expect(copy.children[0]).not.toBe(child);
    expect(copy.cache).toBeNull();
  });

  it('refuses functions and instances of classes it was not given', () => {
    expect(() => copyData({ f: () => 1 })).toThrow('fork cannot copy a function');
    expect(() => copyData({ node: new Node() })).toThrow('fork does not know how to copy a Node');
  });

  it("copies another realm's arrays and plain objects as this realm's", () => {
    const foreign = vm.runInNewContext('({ list: [1, 2], inner: { a: 1 } })') as { list: number[] };
    const copy = copyData(foreign);
    expect(Array.isArray(copy.list)).toBe(true);
    expect(copy.list).toBeInstanceOf(Array);
    expect(Object.getPrototypeOf(copy)).toBe(Object.prototype);
  });
});
