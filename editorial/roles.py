"""The staff roles of the site, as data: which group may do what, and where.

One table for everything a group may do; ``apply(apps)`` makes the database match it exactly
(the data migrations and the signal for new pages call it), so no group grants anything the
table (and the README's role table) does not explain. Functions take an app registry, so
migrations can pass their historical models.
"""

EDITORS = "Redaktion"
PUBLISHERS = "Freigabe"
STRATEGY = "Strategie"
MODERATORS = "Moderation"
TRANSLATORS = "Übersetzung"
ROLES = [EDITORS, PUBLISHERS, STRATEGY, MODERATORS, TRANSLATORS]

# Wagtail's own default groups: their members join these roles, then the groups go.
WAGTAIL_DEFAULT_GROUPS = {"Editors": EDITORS, "Moderators": PUBLISHERS}

WORKFLOW = "Review"
APPROVAL_TASK = "Freigabe durch die Redaktionsleitung"

EDIT = ["add_page", "change_page"]
PUBLISH = ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"]

# group -> [(page model, language or None for every language, page permissions)]: the
# permissions hang on every page of that type in that language (and so on its subtree).
PAGE_PERMISSIONS = {
    EDITORS: [
        ("home.homepage", "de", ["add_page"]),  # new content pages; they edit what they made
        ("home.contentpage", "de", EDIT),
        ("news.newsindexpage", "de", EDIT),
        ("events.eventindexpage", "de", EDIT),
    ],
    PUBLISHERS: [("home.homepage", None, PUBLISH)],
    STRATEGY: [("strategy.strategyindexpage", "de", EDIT)],
    MODERATORS: [],
    # The English tree: translating creates and edits English pages; publishing is for the
    # publishers, through the review workflow.
    TRANSLATORS: [("home.homepage", "en", EDIT)],
}

# The review workflow covers both trees: everything goes live through a publisher.
WORKFLOW_PAGES = [("home.homepage", None)]

# group -> [(app label, model, [codenames])]
MODEL_PERMISSIONS = {
    EDITORS: [
        ("wagtailadmin", "admin", ["access_admin"]),
        ("news", "presscontact", ["add_presscontact", "change_presscontact",
                                  "view_presscontact"]),
        ("news", "topic", ["add_topic", "change_topic", "view_topic"]),
        ("wagtailsearchpromotions", "searchpromotion", ["add_searchpromotion",
                                                        "change_searchpromotion"]),
    ],
    PUBLISHERS: [
        ("wagtailadmin", "admin", ["access_admin"]),
        ("news", "presscontact", ["add_presscontact", "change_presscontact",
                                  "delete_presscontact", "view_presscontact"]),
        ("news", "topic", ["add_topic", "change_topic", "delete_topic", "view_topic"]),
        ("wagtailsearchpromotions", "searchpromotion", ["add_searchpromotion",
                                                        "change_searchpromotion",
                                                        "delete_searchpromotion"]),
    ],
    STRATEGY: [
        ("wagtailadmin", "admin", ["access_admin"]),
        # Surveys on chapters; deleting refuses a survey that has answers. Evaluating them
        # (free-text answers, exports) is view_surveyresponse.
        ("participation", "survey", ["add_survey", "change_survey", "delete_survey",
                                     "view_survey"]),
        ("participation", "surveyresponse", ["view_surveyresponse"]),
    ],
    MODERATORS: [
        ("wagtailadmin", "admin", ["access_admin"]),
        ("participation", "citizencomment", ["moderate_citizencomment",
                                             "answer_citizencomment"]),
    ],
    TRANSLATORS: [
        ("wagtailadmin", "admin", ["access_admin"]),
        ("wagtail_localize", "translation", ["submit_translation"]),
        # Translating a snippet edits its English copy; creating and deleting is not theirs.
        ("news", "presscontact", ["change_presscontact", "view_presscontact"]),
        ("news", "topic", ["change_topic", "view_topic"]),
        ("participation", "survey", ["change_survey", "view_survey"]),
    ],
}

# group -> [(app label, model, [codenames])] on the root collection of images and documents
COLLECTION_PERMISSIONS = {
    EDITORS: [
        ("home", "siteimage", ["add_siteimage", "change_siteimage", "choose_image"]),
        ("wagtaildocs", "document", ["add_document", "change_document", "choose_document"]),
    ],
    PUBLISHERS: [
        ("home", "siteimage", ["add_siteimage", "change_siteimage", "delete_siteimage",
                               "choose_image"]),
        ("wagtaildocs", "document", ["add_document", "change_document", "delete_document",
                                     "choose_document"]),
    ],
    STRATEGY: [
        ("home", "siteimage", ["add_siteimage", "change_siteimage", "choose_image"]),
        ("wagtaildocs", "document", ["choose_document"]),
    ],
    MODERATORS: [],
    TRANSLATORS: [("home", "siteimage", ["choose_image"]), ("wagtaildocs", "document",
                                                           ["choose_document"])],
}


def _permission(apps, app_label, model, codename):
    # On a fresh database Django creates permissions only after all migrations ran.
    content_type_model = apps.get_model("contenttypes", "ContentType")
    permission_model = apps.get_model("auth", "Permission")
    content_type, _ = content_type_model.objects.get_or_create(app_label=app_label, model=model)
    permission, _ = permission_model.objects.get_or_create(
        content_type=content_type, codename=codename,
        defaults={"name": codename.replace("_", " ").capitalize()},
    )
    return permission


def _pages(apps, model_label, language):
    app_label, model = model_label.split(".")
    try:
        page_model = apps.get_model(app_label, model)
    except LookupError:
        return []
    pages = page_model.objects.all()
    if language:
        pages = pages.filter(locale__language_code=language)
    return list(pages.values_list("pk", flat=True))


def apply(apps) -> None:
    """Make the groups, their permissions and the review workflow exactly as above."""
    group_model = apps.get_model("auth", "Group")
    page_permission_model = apps.get_model("wagtailcore", "GroupPagePermission")
    collection_model = apps.get_model("wagtailcore", "Collection")
    collection_permission_model = apps.get_model("wagtailcore", "GroupCollectionPermission")
    root_collection = collection_model.objects.filter(depth=1).first()

    groups = {name: group_model.objects.get_or_create(name=name)[0] for name in ROLES}
    for old_name, role in WAGTAIL_DEFAULT_GROUPS.items():
        old = group_model.objects.filter(name=old_name).first()
        if old is not None:
            for user in old.user_set.all():
                user.groups.add(groups[role])
            old.delete()

    for name, group in groups.items():
        group.permissions.set([
            _permission(apps, app_label, model, codename)
            for app_label, model, codenames in MODEL_PERMISSIONS[name]
            for codename in codenames
        ])
        wanted = {
            (page_id, _permission(apps, "wagtailcore", "page", codename).pk)
            for model_label, language, codenames in PAGE_PERMISSIONS[name]
            for page_id in _pages(apps, model_label, language)
            for codename in codenames
        }
        existing = page_permission_model.objects.filter(group=group)
        for grant in existing:
            if (grant.page_id, grant.permission_id) not in wanted:
                grant.delete()
        have = set(existing.values_list("page_id", "permission_id"))
        for page_id, permission_id in wanted - have:
            page_permission_model.objects.create(group=group, page_id=page_id,
                                                 permission_id=permission_id)
        collection_permission_model.objects.filter(group=group).delete()
        if root_collection is not None:
            for app_label, model, codenames in COLLECTION_PERMISSIONS[name]:
                for codename in codenames:
                    collection_permission_model.objects.create(
                        group=group, collection=root_collection,
                        permission=_permission(apps, app_label, model, codename),
                    )
    _review_workflow(apps, groups[PUBLISHERS])


def _review_workflow(apps, publishers) -> None:
    task_model = apps.get_model("wagtailcore", "GroupApprovalTask")
    workflow_model = apps.get_model("wagtailcore", "Workflow")
    workflow_task_model = apps.get_model("wagtailcore", "WorkflowTask")
    workflow_page_model = apps.get_model("wagtailcore", "WorkflowPage")
    content_type_model = apps.get_model("contenttypes", "ContentType")
    task = task_model.objects.filter(name=APPROVAL_TASK).first()
    if task is None:
        task = task_model.objects.create(
            name=APPROVAL_TASK, active=True,
            content_type=content_type_model.objects.get_or_create(
                app_label="wagtailcore", model="groupapprovaltask")[0],
        )
    task.groups.set([publishers])
    workflow, _ = workflow_model.objects.get_or_create(name=WORKFLOW, defaults={"active": True})
    workflow_task_model.objects.get_or_create(workflow=workflow, task=task,
                                              defaults={"sort_order": 0})
    for model_label, language in WORKFLOW_PAGES:
        for page_id in _pages(apps, model_label, language):
            workflow_page_model.objects.get_or_create(page_id=page_id,
                                                      defaults={"workflow": workflow})


def anchored_page_types() -> set[str]:
    """The page types whose new pages need the roles applied (``apps.py`` listens to them)."""
    labels = {label for grants in PAGE_PERMISSIONS.values() for label, _l, _c in grants}
    return labels | {label for label, _l in WORKFLOW_PAGES}


def attach(apps, page) -> None:
    """A new page of an anchored type gets its groups' permissions (and the workflow)."""
    group_model = apps.get_model("auth", "Group")
    page_permission_model = apps.get_model("wagtailcore", "GroupPagePermission")
    label = page._meta.label_lower
    language = page.locale.language_code
    for name, grants in PAGE_PERMISSIONS.items():
        group = None
        for model_label, grant_language, codenames in grants:
            if model_label != label or grant_language not in (None, language):
                continue
            group = group or group_model.objects.get_or_create(name=name)[0]
            for codename in codenames:
                page_permission_model.objects.get_or_create(
                    group=group, page_id=page.pk,
                    permission=_permission(apps, "wagtailcore", "page", codename),
                )
    if any(model_label == label and grant_language in (None, language)
           for model_label, grant_language in WORKFLOW_PAGES):
        publishers = group_model.objects.get_or_create(name=PUBLISHERS)[0]
        _review_workflow(apps, publishers)
