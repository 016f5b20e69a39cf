from django_docker_project.journal.registry import LessonConfig


class Lesson02ORMConfig(LessonConfig):
    default = True
    name = "lessons.lesson02_orm"
    label = "lesson02_orm"
    verbose_name = "Lesson 02: The ORM: a catalogue that scales"
    number = 2
    slug = "orm"
    title = "The ORM: a catalogue that scales"
    summary = (
        "E-Learniverse's catalogue of courses, chapters and learners; "
        "querysets, aggregation, transactions and the N+1 trap, measured."
    )
    note = "02_orm.md"
    links = (
        ("The catalogue", "courses/"),
        ("The catalogue as JSON", "catalogue.json"),
        ("The catalogue in the admin", "/admin/lesson02_orm/"),
    )
