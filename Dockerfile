# syntax=docker/dockerfile:1
# Love Q for production: settings come from the environment (Cognito, Aurora DSQL, Bedrock,
# S3); nothing is embedded. Build: docker build -t loveq . ; run: see README "Production".

FROM python:3.11-slim AS build
ENV PIP_NO_CACHE_DIR=1 PIP_DISABLE_PIP_VERSION_CHECK=1
RUN python -m venv /opt/loveq
WORKDIR /src
COPY pyproject.toml README.md ./
COPY loveq ./loveq
COPY graph ./graph
COPY resolvers ./resolvers
COPY datastore ./datastore
COPY ai ./ai
COPY kakao ./kakao
RUN /opt/loveq/bin/pip install --upgrade pip && /opt/loveq/bin/pip install .

FROM python:3.11-slim AS runtime
RUN groupadd --system loveq && useradd --system --gid loveq --home-dir /var/lib/loveq --create-home loveq
COPY --from=build /opt/loveq /opt/loveq
ENV PATH=/opt/loveq/bin:$PATH \
    PYTHONUNBUFFERED=1 \
    LOVEQ_HOST=0.0.0.0 \
    LOVEQ_PORT=8000 \
    LOVEQ_DATA_DIR=/var/lib/loveq \
    LOVEQ_GRAPHIQL=0
USER loveq
WORKDIR /var/lib/loveq
EXPOSE 8000
HEALTHCHECK --interval=30s --timeout=3s CMD python -c "import urllib.request,sys; sys.exit(urllib.request.urlopen('http://127.0.0.1:8000/healthz', timeout=2).status != 200)"
ENTRYPOINT ["loveq"]
CMD ["serve"]
