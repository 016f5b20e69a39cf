from django.urls import path

from . import views

app_name = "lesson04"

urlpatterns = [
    path("", views.index, name="index"),
    path("hello/", views.hello, name="hello"),
    path("io/", views.io, name="io"),
    path("cpu/", views.cpu, name="cpu"),
    path("whoami/", views.whoami, name="whoami"),
    path("results/bench.png", views.chart, name="chart"),
]
