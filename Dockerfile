# wgbot container: a static binary on distroless, as a non-root user.
#   docker build -t wgbot .
#   docker run --rm -e TELEGRAM_BOT_TOKEN=... -e ADMIN_IDS=... -v wgbot-data:/data wgbot
# See compose.yaml for the bot with Redis.

FROM golang:1.26 AS build
WORKDIR /src
# Modules first, so that a code change does not download them again.
COPY go.mod go.sum ./
RUN go mod download
COPY . .
# CGO off: a static binary that needs no libc. time/tzdata is embedded by
# cmd/wgbot, so the zones are known even without the image's tzdata.
RUN CGO_ENABLED=0 GOOS=linux go build -trimpath -ldflags="-s -w" -o /out/wgbot ./cmd/wgbot \
 && mkdir -p /out/data

# distroless/static: CA certificates (for api.telegram.org), tzdata,
# /etc/passwd with the nonroot user (65532), and nothing else: no shell.
FROM gcr.io/distroless/static-debian12:nonroot
COPY --from=build /out/wgbot /usr/local/bin/wgbot
# The embedded store's directory, owned by the user the bot runs as.
COPY --from=build --chown=65532:65532 /out/data /data
ENV DATA_DIR=/data \
    LISTEN_ADDR=:8080 \
    LOG_FORMAT=json
VOLUME ["/data"]
USER 65532:65532
EXPOSE 8080
ENTRYPOINT ["/usr/local/bin/wgbot"]
