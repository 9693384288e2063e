"""Public and recruiter pages of the resumes app, mounted at / by smartcv.urls."""

urlpatterns: list = []
