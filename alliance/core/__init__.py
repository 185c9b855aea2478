"""The portal's web infrastructure, apart from the Alliance's domain: caching and content
versions (freshness, cache, api_cache, pagination), HTTP (middleware, abuse, downloads, media,
storage, links, health, metrics, observability), forms, admin and API helpers (admin_forms,
api_schema, exports, export_formats, filters, validators, roles), mail, and drawing
(charts, maps, world_outline, thumbnails of logos and photos).

Nothing here imports an app (centres, board, dtlab, partnerships, coordination) or the
Alliance's own domain (alliance.models, alliance.reports...): the apps build on it.
"""
