from django_docker_project.journal.registry import LessonConfig


class Lesson01ViewsConfig(LessonConfig):
    default = True
    name = "lessons.lesson01_views"
    label = "lesson01_views"
    verbose_name = "Lesson 01: Views: from request to response"
    number = 1
    slug = "views"
    title = "Views: from request to response"
    summary = (
        "How Django turns a request into a response: URLs, function and class-"
        "based views, templates, forms and middleware, on a Flexbox reference "
        "and playground."
    )
    note = "01_views.md"
    links = (
        ("Flexbox playground", "playground/?flex-direction=column&align-items=center"),
        ("Flexbox reference", "properties/"),
        ("Reference as JSON", "properties.json"),
        ("REST API (browsable)", "api/properties/"),
        ("Quiz", "quiz/1/"),
    )
