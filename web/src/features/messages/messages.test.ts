import { ALL_SCOPES, MESSAGE_TOPICS } from "@portico/contracts";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import en from "../../i18n/messages.en.json";
import es from "../../i18n/messages.es.json";
import { clearDraft, draftKey, EMPTY_DRAFT, readDraft, writeDraft } from "./draft";

type Tree = { [key: string]: string | Tree };
function keys(tree: Tree, prefix = ""): string[] {
  return Object.entries(tree).flatMap(([k, v]) => (typeof v === "string" ? [prefix + k] : keys(v, `${prefix}${k}.`)));
}

describe("message words", () => {
  it("English and Spanish have the same keys, and every topic, status and relationship has words", () => {
    expect(keys(es as Tree).sort()).toEqual(keys(en as Tree).sort());
    for (const words of [en, es]) {
      for (const topic of MESSAGE_TOPICS) expect(words.topics[topic].name).toBeTruthy();
      for (const status of ["waiting", "answered", "closed", "overdue", "toAnswer"] as const)
        expect(words.status[status]).toBeTruthy();
      for (const rel of [
        "parent",
        "guardian",
        "spouse",
        "child",
        "caregiver",
        "legal_representative",
        "other",
      ] as const)
        expect(words.relationship[rel]).toBeTruthy();
    }
    expect(ALL_SCOPES).toContain("messages");
  });
});

describe("message drafts", () => {
  const store = new Map<string, string>();
  beforeEach(() => {
    (globalThis as { sessionStorage?: unknown }).sessionStorage = {
      getItem: (k: string) => store.get(k) ?? null,
      setItem: (k: string, v: string) => void store.set(k, v),
      removeItem: (k: string) => void store.delete(k),
    };
  });
  afterEach(() => {
    store.clear();
    delete (globalThis as { sessionStorage?: unknown }).sessionStorage;
  });

  it("keeps a draft per reader, patient and place until it is cleared", () => {
    const alexNew = draftKey("user-alex", "patient-alex", "new");
    const samNew = draftKey("user-sam", "patient-alex", "new");
    const draft = { topic: "medication" as const, subject: "Dose", body: "Line one\nline two", attachments: [] };
    writeDraft(alexNew, draft);
    expect(readDraft(alexNew)).toEqual(draft);
    expect(readDraft(samNew)).toBeNull();
    expect(readDraft(draftKey("user-alex", "patient-jamie", "new"))).toBeNull();
    clearDraft(alexNew);
    expect(readDraft(alexNew)).toBeNull();
  });

  it("stores nothing for an empty draft, and reads a damaged one as nothing", () => {
    const key = draftKey("u", "p", "thread-1");
    writeDraft(key, EMPTY_DRAFT);
    expect(store.size).toBe(0);
    store.set(key, "{not json");
    expect(readDraft(key)).toBeNull();
  });
});
