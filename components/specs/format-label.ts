import type { SpecFormat } from "@/lib/specs/model";

export const FORMAT_LABEL: Record<SpecFormat, string> = {
  "swagger-2.0": "Swagger 2.0",
  "openapi-3.0": "OpenAPI 3.0",
  "openapi-3.1": "OpenAPI 3.1",
  "openapi-3.2": "OpenAPI 3.2",
};
