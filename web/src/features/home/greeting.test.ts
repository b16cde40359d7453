import { describe, expect, it } from "vitest";
import en from "../../i18n/en.json";
import es from "../../i18n/es.json";
import { firstName, greeting } from "./greeting";

function translator(messages: typeof en) {
  return (key: string, options?: Record<string, unknown>) => {
    const part = key.split(".").at(-1) as keyof typeof messages.home.greeting;
    return messages.home.greeting[part].replace("{{name}}", String(options?.name));
  };
}
const morning = new Date(2026, 2, 3, 9, 0);

describe("greeting", () => {
  it("greets a physician by title and family name, never a title alone", () => {
    expect(greeting(firstName("Dr. Chidi Okafor"), translator(en), morning)).toBe("Good morning, Dr. Okafor");
    expect(greeting(firstName("Dr. Chidi Okafor"), translator(es), morning)).toBe("Buenos días, Dr. Okafor");
    expect(firstName("Dra. Ana Ruiz")).toBe("Dra. Ruiz");
    expect(firstName("dr Elin Lindqvist")).toBe("dr Lindqvist");
  });
  it("greets everyone else by first name", () => {
    expect(greeting(firstName("Alex Rivera"), translator(en), morning)).toBe("Good morning, Alex");
    expect(firstName("  Morgan  ")).toBe("Morgan");
  });
  it("keeps a lone title as the whole name rather than dropping it", () => {
    expect(firstName("Dr.")).toBe("Dr.");
  });
});
