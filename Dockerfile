FROM python:3.11-slim-bookworm
RUN apt-get update && apt-get install -y --no-install-recommends \
      libpango-1.0-0 libpangoft2-1.0-0 fonts-noto-core fonts-noto-cjk gettext procps \
    && rm -rf /var/lib/apt/lists/*
RUN pip install --no-cache-dir uv==0.13.9
WORKDIR /app
ENV UV_PROJECT_ENVIRONMENT=/opt/venv PATH=/opt/venv/bin:$PATH PYTHONUNBUFFERED=1
COPY pyproject.toml uv.lock ./
RUN uv sync --locked --no-dev --no-install-project
COPY . .
RUN DJANGO_DEBUG=1 python manage.py compilemessages -v 0 \
    && DJANGO_DEBUG=1 DJANGO_MANIFEST_STATIC=1 python manage.py collectstatic --noinput -v 0
RUN useradd --create-home alliance && mkdir -p /app/media && chown alliance /app/media
USER alliance
EXPOSE 8000
