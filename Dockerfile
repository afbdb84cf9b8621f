# Build: the production bundle is committed (src/main/bundles/prod.bundle), so no Node is needed here.
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml .
COPY src src
COPY frontend frontend
RUN mvn -B -Pproduction -DskipTests package

FROM eclipse-temurin:17-jre
WORKDIR /app
COPY --from=build /src/target/gradlab.jar /app/gradlab.jar
EXPOSE 8080
ENTRYPOINT ["java", "-Xmx512m", "-jar", "/app/gradlab.jar"]
