import { OperationsFigure, OperationsFigureParams, OperationsOverview, OperationsQuery } from "@portico/contracts";
import type { App } from "../../app.ts";
import { ok } from "../../platform/route-responses.ts";
import { figureCsv } from "./csv.ts";
import type { OperationsService } from "./service.ts";

const tags = ["operations"];

/** HTTP only: the dashboard's filters and figures (administrators). */
export async function operationsRoutes(app: App, operations: OperationsService): Promise<void> {
  app.get(
    "/api/operations",
    {
      schema: {
        tags,
        summary: "The operations dashboard: reporting zone, default range, figures, filter choices (administrators)",
        response: ok(OperationsOverview),
      },
    },
    async () => operations.overview(),
  );

  app.get(
    "/api/operations/figures/:figure",
    {
      schema: {
        tags,
        summary:
          "One operations figure over a date range, optionally for a location or provider; format=csv answers text/csv (administrators)",
        params: OperationsFigureParams,
        querystring: OperationsQuery,
        response: ok(OperationsFigure),
      },
    },
    async (request, reply) => {
      const figure = await operations.figure(request.params.figure, request.query);
      if (request.query.format !== "csv") return figure;
      return reply
        .type("text/csv; charset=utf-8")
        .header("content-disposition", `attachment; filename="${figure.figure}_${figure.from}_${figure.to}.csv"`)
        .serializer((payload: unknown) => payload as string)
        .send(figureCsv(figure) as never);
    },
  );
}
