from django_docker_project.journal.registry import LessonConfig


class Lesson05RestApiConfig(LessonConfig):
    default = True
    name = "lessons.lesson05_rest_api"
    label = "lesson05_rest_api"
    verbose_name = "Lesson 05: The REST API"
    number = 5
    slug = "rest-api"
    title = "The REST API"
    summary = (
        "E-Learniverse's public API with Django REST framework: viewsets, "
        "permissions that hold, throttling and an OpenAPI schema."
    )
    note = "05_rest_api.md"
    links = (
        ("API documentation (Swagger UI)", "/api/docs/"),
        ("OpenAPI schema", "/api/schema/"),
        ("Browsable API", "/api/"),
        ("Course list", "/api/courses/"),
    )
    extra_mounts = (("api/", "lessons.lesson05_rest_api.api_urls"),)
