import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../helpers/app.js";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const CREATE_TYPE = /* GraphQL */ `
  mutation ($input: CreateCatalogTypeInput!) {
    createCatalogType(input: $input) {
      __typename
      ... on CatalogType { id name description categories ranked referenceByName attributes { id name kind multiple referencedType { name } } }
      ... on ValidationError { issues { field rule message } }
    }
  }
`;

describe("catalog", () => {
  it("creates the Components type as the runbook does", async () => {
    const data = await t.ok(CREATE_TYPE, {
      input: { name: "Components", description: "Things with outages", categories: ["Services"], ranked: true, referenceByName: true },
    });
    expect(data.createCatalogType).toMatchObject({
      __typename: "CatalogType",
      name: "Components",
      categories: ["Services"],
      ranked: true,
      referenceByName: true,
    });
  });

  it("rejects an empty name, naming the field and rule", async () => {
    const data = await t.ok(CREATE_TYPE, { input: { name: "  " } });
    expect(data.createCatalogType).toEqual({
      __typename: "ValidationError",
      issues: [{ field: "input.name", rule: "too_short", message: "must not be empty" }],
    });
    const types = await t.ok(`{ catalogTypes { name } }`);
    expect(types.catalogTypes).toEqual([{ name: "Components" }]);
  });
});
