"""Accounts for API clients: register, log in for a token, log out.

A token is a password-equivalent: whoever holds it is the learner. These
endpoints answer to anyone, so they carry the strict ``credentials``
throttle to slow password guessing down.
"""

from __future__ import annotations

from django.contrib.auth import authenticate, get_user_model, password_validation
from django.core.exceptions import ValidationError as DjangoValidationError
from drf_spectacular.utils import extend_schema
from rest_framework import serializers, status
from rest_framework.permissions import AllowAny, IsAuthenticated
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from . import services
from .exceptions import domain_errors_as_400
from .throttling import CredentialsThrottle


class RegistrationSerializer(serializers.ModelSerializer):
    password = serializers.CharField(
        write_only=True, trim_whitespace=False, style={"input_type": "password"}
    )

    class Meta:
        model = get_user_model()
        fields = ["username", "email", "password"]

    def validate(self, attrs: dict) -> dict:
        attrs.setdefault("email", "")
        candidate = get_user_model()(username=attrs["username"], email=attrs["email"])
        try:
            password_validation.validate_password(attrs["password"], candidate)
        except DjangoValidationError as error:
            raise serializers.ValidationError({"password": error.messages}) from None
        return attrs


class LoginSerializer(serializers.Serializer):
    username = serializers.CharField()
    password = serializers.CharField(trim_whitespace=False, write_only=True)

    def validate(self, attrs: dict) -> dict:
        user = authenticate(
            self.context["request"],
            username=attrs["username"],
            password=attrs["password"],
        )
        if user is None:
            # One message for both cases, so the API does not tell an
            # attacker which usernames exist.
            raise serializers.ValidationError(
                "Unable to log in with this username and password."
            )
        attrs["user"] = user
        return attrs


class TokenSerializer(serializers.Serializer):
    username = serializers.CharField(read_only=True)
    token = serializers.CharField(
        read_only=True, help_text="Send it as `Authorization: Token <token>`."
    )


class CredentialsView(APIView):
    """Base of the endpoints that take a password: no session, strict throttle."""

    # No authentication: a stale session cookie must not trigger CSRF checks
    # on an endpoint whose purpose is to obtain credentials.
    authentication_classes: list = []
    permission_classes = [AllowAny]
    throttle_classes = [CredentialsThrottle]


# region: register-view
class RegisterView(CredentialsView):
    """Create an account and get its token; log in later with the password."""

    @extend_schema(
        summary="Create a learner account",
        request=RegistrationSerializer,
        responses={201: TokenSerializer},
        auth=[],
    )
    def post(self, request: Request) -> Response:
        incoming = RegistrationSerializer(data=request.data)
        incoming.is_valid(raise_exception=True)
        with domain_errors_as_400():
            token = services.learner_register(**incoming.validated_data)
        answer = {"username": token.user.get_username(), "token": token.key}
        return Response(TokenSerializer(answer).data, status=status.HTTP_201_CREATED)


# endregion: register-view


class LoginView(CredentialsView):
    """Return the learner's token; the same one on every login until logout."""

    @extend_schema(
        summary="Log in: exchange a username and password for a token",
        request=LoginSerializer,
        responses={200: TokenSerializer},
        auth=[],
    )
    def post(self, request: Request) -> Response:
        incoming = LoginSerializer(data=request.data, context={"request": request})
        incoming.is_valid(raise_exception=True)
        user = incoming.validated_data["user"]
        token = services.token_for(user=user)
        answer = {"username": user.get_username(), "token": token.key}
        return Response(TokenSerializer(answer).data)


class LogoutView(APIView):
    """Revoke the token: every client that holds it is logged out."""

    permission_classes = [IsAuthenticated]

    @extend_schema(
        summary="Log out: revoke my token", request=None, responses={204: None}
    )
    def post(self, request: Request) -> Response:
        services.token_revoke(user=request.user)
        return Response(status=status.HTTP_204_NO_CONTENT)
