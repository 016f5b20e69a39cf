"""The reference through Django REST framework: serializers and APIViews."""

from __future__ import annotations

from drf_spectacular.utils import extend_schema
from rest_framework import permissions, serializers
from rest_framework.exceptions import NotFound
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.reverse import reverse
from rest_framework.views import APIView

from .flexbox import (
    CONTAINER,
    ITEM,
    FlexProperty,
    UnknownProperty,
    get_property,
    select_properties,
)


# region: serializer
class FlexPropertySerializer(serializers.Serializer):
    """A Flexbox property as the API shows it, with a link to itself."""

    name = serializers.CharField()
    applies_to = serializers.ChoiceField(choices=[CONTAINER, ITEM])
    values = serializers.ListField(child=serializers.CharField())
    default = serializers.CharField()
    summary = serializers.CharField()
    url = serializers.SerializerMethodField()

    def get_url(self, prop: FlexProperty) -> str:
        return reverse(
            "lesson01:api-property-detail",
            kwargs={"name": prop.name},
            request=self.context.get("request"),
        )
        # endregion: serializer


class PropertyQuerySerializer(serializers.Serializer):
    """The list's optional filter, checked the way DRF checks a request body."""

    applies_to = serializers.ChoiceField(
        choices=[CONTAINER, ITEM],
        required=False,
        error_messages={
            "invalid_choice": (
                f'"{{input}}" is not allowed for applies_to. '
                f"Allowed values: {CONTAINER}, {ITEM}."
            )
        },
    )


# region: api-views
class PropertyListAPIView(APIView):
    """List the properties; ``?applies_to=container`` or ``item`` filters."""

    permission_classes = [permissions.AllowAny]

    @extend_schema(
        parameters=[PropertyQuerySerializer],
        responses=FlexPropertySerializer(many=True),
    )
    def get(self, request: Request) -> Response:
        query = PropertyQuerySerializer(data=request.query_params)
        query.is_valid(raise_exception=True)
        properties = select_properties(query.validated_data.get("applies_to"))
        serializer = FlexPropertySerializer(
            properties, many=True, context={"request": request}
        )
        return Response(serializer.data)


class PropertyDetailAPIView(APIView):
    """Show one property; an unknown name is a 404 in the client's format."""

    permission_classes = [permissions.AllowAny]

    @extend_schema(responses=FlexPropertySerializer)
    def get(self, request: Request, name: str) -> Response:
        try:
            prop = get_property(name)
        except UnknownProperty as error:
            raise NotFound(str(error)) from None
        serializer = FlexPropertySerializer(prop, context={"request": request})
        return Response(serializer.data)
        # endregion: api-views
