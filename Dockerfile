# syntax=docker/dockerfile:1
# Build: docker build -t gme-site .
# Run:   docker run -p 7070:7070 -e GME_BASE_URL=https://gme.example.org -v gme-data:/app/data gme-site
#        (inquiries live in the SQLite file /app/data/gme.db; or set GME_DATABASE_URL to PostgreSQL)
# Edit content without rebuilding: docker run -p 7070:7070 -v "$PWD/content:/app/content:ro" gme-site

FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /build
COPY pom.xml ./
RUN mvn -B -q dependency:go-offline
COPY src ./src
RUN mvn -B -q -DskipTests -Dgme.cds.skip=true package

FROM eclipse-temurin:17-jre
RUN groupadd --system --gid 10001 gme && useradd --system --uid 10001 --gid gme --home-dir /app --shell /usr/sbin/nologin gme
WORKDIR /app
COPY --from=build /build/target/gme-site.jar /app/gme-site.jar
COPY --chown=gme:gme content /app/content
COPY --chown=gme:gme static /app/static
COPY deploy/jvm.options /app/jvm.options
# Class Data Sharing: a training run records the classes start-up needs, so the server answers
# its first request in about half the time (see docs/performance.md).
RUN java @/app/jvm.options -XX:ArchiveClassesAtExit=/app/app.jsa -jar /app/gme-site.jar --warm-up-and-exit \
 && chmod 444 /app/app.jsa
# Inquiries: a SQLite file in a volume the server's user owns (replaced by GME_DATABASE_URL for PostgreSQL).
# The search index of the content the image carries is built now and kept where the server looks
# (/app/data/search-index; a new named volume starts with it): the first start reads it instead of
# building it, and over other content or on a later day updates it with what differs.
RUN mkdir /app/data && java @/app/jvm.options -jar /app/gme-site.jar index && chown -R gme:gme /app/data
VOLUME /app/data
# The static mirror for nginx (GME_MIRROR_DIR=/app/mirror in deploy/compose.yaml): a volume made from
# this folder belongs to the server's user.
RUN mkdir /app/mirror && chown gme:gme /app/mirror
ENV GME_PORT=7070 \
    GME_CONTENT_DIR=/app/content \
    GME_STATIC_DIR=/app/static \
    GME_DATABASE_URL=jdbc:sqlite:/app/data/gme.db
USER gme
EXPOSE 7070
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
  CMD ["java", "-cp", "/app/gme-site.jar", "edu.rush.gme.HealthCheck"]
# The production flags (deploy/jvm.options: serial GC, heap as a share of the container's memory...),
# and the class data archive made above for this image.
ENTRYPOINT ["java", "@/app/jvm.options", "-XX:SharedArchiveFile=/app/app.jsa", "-jar", "/app/gme-site.jar"]
