from django_docker_project.journal.registry import LessonConfig


class Lesson04GunicornConfig(LessonConfig):
    default = True
    name = "lessons.lesson04_gunicorn"
    label = "lesson04_gunicorn"
    verbose_name = "Lesson 04: Gunicorn: serving and tuning"
    number = 4
    slug = "gunicorn"
    title = "Gunicorn: serving and tuning"
    summary = (
        "The pre-fork model, sync and threaded workers, and tuning recipes "
        "backed by a benchmark anyone can rerun."
    )
    note = "04_gunicorn.md"
    links = (
        ("hello/: the cheapest response", "hello/"),
        ("io/?ms=50: waits like a slow service", "io/?ms=50"),
        ("cpu/?ms=20: burns CPU time", "cpu/?ms=20"),
        ("whoami/: worker, thread, start and end", "whoami/"),
        ("Benchmark chart", "results/bench.png"),
    )
