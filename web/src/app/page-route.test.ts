import { createRootRoute, lazyRouteComponent } from "@tanstack/react-router";
import { describe, expect, it } from "vitest";
import { oneOf, pageRoute, text, texts } from "./page-route";

const parent = createRootRoute();
const Page = () => null;
const page = lazyRouteComponent(() => Promise.resolve({ Page }), "Page");

describe("pageRoute", () => {
  it("reads each named parameter of the search, and only those", () => {
    const route = pageRoute(parent, "/book", {
      search: { patientId: text, step: oneOf(["what", "when"]), ...texts("week") },
      page,
    });
    const validate = route.options.validateSearch;
    if (typeof validate !== "function") throw new Error("the page reads no search");
    expect(validate({ patientId: "p1", step: "when", week: "", other: "x" })).toEqual({
      patientId: "p1",
      step: "when",
      week: undefined,
    });
    expect(validate({ patientId: 7, step: "later" })).toEqual({
      patientId: undefined,
      step: undefined,
      week: undefined,
    });
  });

  it("adds a guard and a search reader only when the page has them", () => {
    const plain = pageRoute(parent, "/plain", { page });
    expect("beforeLoad" in plain.options).toBe(false);
    expect("validateSearch" in plain.options).toBe(false);
    const guarded = pageRoute(parent, "/guarded", { only: "inBasket", page });
    expect(typeof guarded.options.beforeLoad).toBe("function");
  });
});
