# syntax=docker/dockerfile:1
# CoupleConnect: one image for the app and for `--migrate` (see docker-compose.yml and docs/adr/0008).

# ---- build ----
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src

# Restore first, from the files that decide it, so the layer is reused until a project
# file or a package version changes.
COPY global.json Directory.Build.props Directory.Packages.props CoupleConnect.sln ./
COPY src/CoupleConnect.Domain/CoupleConnect.Domain.csproj src/CoupleConnect.Domain/
COPY src/CoupleConnect.Web/CoupleConnect.Web.csproj src/CoupleConnect.Web/
RUN dotnet restore src/CoupleConnect.Web/CoupleConnect.Web.csproj

# Then the rest of the sources (.dockerignore keeps bin/, obj/, .local/, .git/ out).
COPY . .
RUN dotnet publish src/CoupleConnect.Web/CoupleConnect.Web.csproj \
        -c Release -o /app --no-restore -p:UseAppHost=false

# ---- runtime ----
FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
WORKDIR /app
COPY --from=build /app ./

# Listen on 8080 only (clear the image's ASPNETCORE_HTTP_PORTS so Kestrel doesn't warn
# that URLS overrides it). TLS is the reverse proxy's job.
ENV ASPNETCORE_HTTP_PORTS= \
    ASPNETCORE_URLS=http://+:8080
EXPOSE 8080

# The image's built-in non-root user (APP_UID is set by the base image).
USER $APP_UID

# No HEALTHCHECK: the aspnet image has no curl or wget. Compose and orchestrators can probe
# http://<host>:8080/ from outside instead.
ENTRYPOINT ["dotnet", "CoupleConnect.Web.dll"]
