import { EMERGENCY_PHRASES, emergencyGuidance } from "@portico/contracts";
import { describe, expect, it } from "vitest";

/** The composer's emergency guidance (911 / 988) from a phrase list in English and Spanish. */
describe("emergency phrases", () => {
  const cases: [string, string[]][] = [
    ["I have had chest pain since this morning", ["emergency"]],
    ["My CHEST  PAIN is worse", ["emergency"]],
    ["I think my dad is having a stroke, his face drooping", ["emergency"]],
    ["I can’t breathe when I lie down", ["emergency"]],
    ["Sometimes I want to die", ["crisis"]],
    ["I have been thinking about suicide and I have chest pain", ["crisis", "emergency"]],
    ["Tengo dolor de pecho desde ayer", ["emergency"]],
    ["Mi mamá tiene dificultad para respirar", ["emergency"]],
    ["Creo que es un derrame cerebral", ["emergency"]],
    ["He pensado en quitarme la vida", ["crisis"]],
    ["A veces quiero morir", ["crisis"]],
    ["Me quiero hacer daño", []], // not a listed phrase: the list is what it is
    ["Quiero hacerme daño", ["crisis"]],
    ["Can I get a refill of my painting supplies? My chest is fine.", []],
    ["Question about my bill from the stroke clinic visit", ["emergency"]], // false positive on purpose: guidance only, it still sends
    ["Necesito una cita para el martes", []],
    ["", []],
  ];
  it.each(cases)("%s", (text, kinds) => {
    expect(emergencyGuidance(text).kinds).toEqual(kinds);
  });

  it("every phrase of the list is found by itself (English and Spanish)", () => {
    for (const { kind, phrase } of EMERGENCY_PHRASES) {
      expect(emergencyGuidance(`hola, ${phrase}.`).kinds, phrase).toContain(kind);
    }
    expect(EMERGENCY_PHRASES.some((p) => p.phrase === "dolor de pecho")).toBe(true);
  });
});
