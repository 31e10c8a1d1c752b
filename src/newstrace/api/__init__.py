"""The REST API: ``newstrace.api.app.create_app(settings)`` builds the FastAPI application."""
