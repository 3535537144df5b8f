# syntax=docker/dockerfile:1
# A slim image of the iacpac CLI that runs as a non-root user. Build: docker build -t iacpac .
# Use: docker run --rm -v "$PWD:/work" iacpac check .   (the mounted directory is the working directory)

FROM node:20-bookworm-slim AS build
WORKDIR /src
COPY package.json package-lock.json ./
# No install scripts are needed (the build uses esbuild's platform package; no run-time dependency has one).
RUN npm ci --ignore-scripts --no-fund --no-audit
COPY tsconfig.json ./
COPY scripts/build.mjs ./scripts/build.mjs
COPY src ./src
RUN node scripts/build.mjs && npm prune --omit=dev --no-fund --no-audit

FROM node:20-bookworm-slim
ENV NODE_ENV=production \
    NO_UPDATE_NOTIFIER=1 \
    NPM_CONFIG_UPDATE_NOTIFIER=false
WORKDIR /opt/iacpac
COPY --from=build /src/node_modules ./node_modules
COPY --from=build /src/dist ./dist
COPY package.json LICENSE README.md ./
COPY bin ./bin
COPY policies ./policies
COPY assets ./assets
RUN ln -s /opt/iacpac/bin/iacpac.js /usr/local/bin/iacpac \
 && mkdir -p /work && chown node:node /work
USER node
WORKDIR /work
ENTRYPOINT ["iacpac"]
CMD ["--help"]
