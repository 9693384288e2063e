from django.urls import path

from webhooks import views

urlpatterns = [
    path("account/webhooks/", views.webhook_list, name="webhooks"),
    path("account/webhooks/<uuid:pk>/", views.webhook_detail, name="webhook-detail"),
    path("account/webhooks/<uuid:pk>/rotate/", views.webhook_rotate, name="webhook-rotate"),
    path("account/webhooks/<uuid:pk>/delete/", views.webhook_delete, name="webhook-delete"),
    path("account/deliveries/<uuid:pk>/redeliver/", views.delivery_redeliver, name="delivery-redeliver"),
]
