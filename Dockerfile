# GradLab's image: the production jar (committed front-end bundle, no Node) on a JRE with a native BLAS.
#   docker build -t gradlab .
#   docker run -p 8080:8080 -v gradlab-data:/data -e GRADLAB_ADMIN_PASSWORD='choose-a-long-one' gradlab
# See README, "Hosting", for PostgreSQL, demo mode, memory and what of this file is verified where.

# --- build: Maven + JDK 17; the dependency layer is cached until pom.xml or .mvn changes
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml ./
COPY .mvn .mvn
RUN mvn -B -q -Pproduction dependency:go-offline
COPY frontend frontend
COPY src src
# build-frontend reuses the committed src/main/bundles/prod.bundle: no Node, no npm download
RUN mvn -B -q -Pproduction -DskipTests package && cp target/gradlab.jar /gradlab.jar

# --- runtime: a JRE, Debian/Ubuntu's BLIS (OpenBLAS if BLIS is not packaged), a non-root user
FROM eclipse-temurin:17-jre
RUN apt-get update \
    && (apt-get install -y --no-install-recommends libblis4-pthread \
        || apt-get install -y --no-install-recommends libopenblas0-pthread) \
    && apt-get install -y --no-install-recommends curl \
    && rm -rf /var/lib/apt/lists/* \
    && groupadd --system --gid 10001 gradlab \
    && useradd --system --uid 10001 --gid gradlab --home-dir /data --shell /usr/sbin/nologin gradlab \
    && mkdir -p /data /app \
    && chown gradlab:gradlab /data
COPY --from=build /gradlab.jar /app/gradlab.jar
USER gradlab
WORKDIR /data
VOLUME /data
EXPOSE 8080
# heap from the container's memory limit, overridable: -e JAVA_TOOL_OPTIONS='-XX:MaxRAMPercentage=60'
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75" \
    JAVA_OPTS="" \
    PORT=8080
HEALTHCHECK --interval=30s --timeout=5s --start-period=90s --retries=3 \
    CMD curl -fsS "http://localhost:${PORT}/actuator/health" || exit 1
ENTRYPOINT ["sh", "-c", "exec java $JAVA_OPTS -jar /app/gradlab.jar --gradlab.data-dir=/data \"$@\"", "gradlab"]
