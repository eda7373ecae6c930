// The error body of every portal API, the lean gateway server's included:
// {"error": {"code", "message", "issues"?}}. Dependency-free so the gateway's hot path can use it.

export interface ErrorIssue {
  path: string;
  message: string;
}

export function errorBody(code: string, message: string, issues?: ErrorIssue[]) {
  return { error: { code, message, ...(issues && { issues }) } };
}
