"""OpenAPI schema additions: the error answers DRF gives, which drf-spectacular leaves out.

Without them a client (and schemathesis) sees a 400, 401, 403 or 404 that the schema never
mentions. Added per operation only where it can happen, so that an answer the operation should
not give (a public read refused, a list answering 404) does not conform:

- 400 when the operation takes a body or filters (validation and filter errors; ``page`` alone
  is not a filter: a page that is not a number is a 404), or deletes (a delete the data forbids,
  e.g. a partner with agreements);
- 401 and 403 where the operation needs an account (no anonymous entry in its ``security``):
  a token that is wrong or expired, and a visitor not signed in or not allowed. The public
  operations document neither: a client without credentials never meets them;
- 404 where the path names an object, or the list is paginated (a page past the end is DRF's
  404, the only one a list gives);
- 415 where the operation takes a body: a body whose media type DRF cannot read (e.g. a
  multipart body without its boundary).
"""

from typing import Any

DETAIL = {"type": "object", "properties": {"detail": {"type": "string"}}, "required": ["detail"]}
VALIDATION_ERRORS = {
    "type": "object",
    "description": "Messages by field name; ``non_field_errors`` for the request as a whole.",
    "additionalProperties": {},
}
HTTP_METHODS = {"get", "post", "put", "patch", "delete"}


def _response(description: str, component: str) -> dict[str, Any]:
    return {"description": description,
            "content": {"application/json": {"schema": {"$ref": f"#/components/schemas/{component}"}}}}


def _error_codes(path: str, method: str, operation: dict[str, Any]) -> dict[str, dict[str, Any]]:
    parameters = operation.get("parameters", [])
    query = [p["name"] for p in parameters if p.get("in") == "query"]
    codes = {}
    if "requestBody" in operation or set(query) - {"page"} or method == "delete":
        codes["400"] = _response("The request is not valid.", "ValidationErrors")
    if {} not in operation.get("security", [{}]):
        codes["401"] = _response("Invalid or expired credentials.", "ErrorDetail")
        codes["403"] = _response("Not signed in, or not allowed.", "ErrorDetail")
    if "requestBody" in operation:
        codes["415"] = _response("The body's media type is not accepted.", "ErrorDetail")
    if "{" in path or "page" in query:
        codes["404"] = _response("No such object, or no such page.", "ErrorDetail")
    return codes


def document_error_responses(result: dict[str, Any], generator, request, public) -> dict[str, Any]:
    """drf-spectacular postprocessing hook (see SPECTACULAR_SETTINGS["POSTPROCESSING_HOOKS"])."""
    schemas = result.setdefault("components", {}).setdefault("schemas", {})
    schemas.setdefault("ErrorDetail", DETAIL)
    schemas.setdefault("ValidationErrors", VALIDATION_ERRORS)
    for path, item in result.get("paths", {}).items():
        for method, operation in item.items():
            if method not in HTTP_METHODS:
                continue
            for code, response in _error_codes(path, method, operation).items():
                operation["responses"].setdefault(code, response)
    return result
