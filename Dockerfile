# Einlass in a container: `docker compose -f deploy/docker/compose.yml up` (two instances,
# MariaDB, Redis and nginx). The image holds the built server and apps, without devDependencies.

FROM node:24-bookworm AS build
WORKDIR /src
# the kiosk's Electron binary is not needed to build the apps
ENV ELECTRON_SKIP_BINARY_DOWNLOAD=1
COPY package.json package-lock.json ./
COPY contracts/package.json contracts/
COPY backend/package.json backend/
COPY booking/package.json booking/
COPY desk/package.json desk/
COPY display/package.json display/
COPY kiosk/package.json kiosk/
COPY web-kit/package.json web-kit/
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build && npm ci --omit=dev --no-audit --no-fund

FROM node:24-bookworm-slim
# the MariaDB client for `npm run backup` / `npm run restore` (mysqldump, mysql)
RUN apt-get update && apt-get install -y --no-install-recommends mariadb-client && rm -rf /var/lib/apt/lists/*
WORKDIR /opt/einlass
ENV NODE_ENV=production PORT=3000 HOST=0.0.0.0
COPY --from=build /src/package.json ./
COPY --from=build /src/scripts scripts/
COPY --from=build /src/node_modules node_modules/
COPY --from=build /src/contracts contracts/
COPY --from=build /src/backend/package.json backend/
COPY --from=build /src/backend/dist backend/dist/
COPY --from=build /src/backend/node_modules backend/node_modules/
COPY --from=build /src/booking/dist booking/dist/
COPY --from=build /src/desk/dist desk/dist/
COPY --from=build /src/display/dist display/dist/
COPY --from=build /src/kiosk/dist kiosk/dist/
USER node
EXPOSE 3000
HEALTHCHECK --interval=10s --timeout=3s CMD node -e "fetch('http://127.0.0.1:3000/api/v1/health').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
# node itself is PID 1's child via tini-less exec form: SIGTERM reaches the server and drains it
CMD ["node", "backend/dist/backend/src/main.js"]
