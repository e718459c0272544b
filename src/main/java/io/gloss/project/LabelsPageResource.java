package io.gloss.project;

import io.gloss.auth.Role;
import io.gloss.web.Notice;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Arrays;
import java.util.List;
import org.jboss.resteasy.reactive.RestForm;

/** Admins add, change, reorder, retire and restore a project's labels (Post/Redirect/Get, saying what happened: {@link Notice}). */
@Path("/projects/{id}/labels")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Role.ADMIN)
public class LabelsPageResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance labels(Project project, List<LabelView> labels, List<RelationTypeView> relationTypes);
    }

    @Inject
    ProjectService projects;

    @Inject
    LabelService labels;

    @Inject
    RelationTypeService relationTypes;

    @GET
    public TemplateInstance page(@PathParam("id") Long id) {
        Project project = projects.require(id);
        return Templates.labels(project, LabelView.ofProject(project.id),
                RelationType.ofProject(project.id).stream().map(RelationTypeView::of).toList());
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response add(@PathParam("id") Long id, @RestForm String key, @RestForm String name, @RestForm String color,
            @RestForm String shortcut, @RestForm String description, @RestForm String linksEntity) {
        Label label = labels.create(projects.require(id), new LabelService.NewLabel(key, name, color, shortcut, description,
                linksEntity != null));
        return back(id, "Label " + label.name + " added.");
    }

    /** The row's form sends every field; {@code linksEntity} unticked sends nothing, which means off. */
    @POST
    @Path("{key}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response save(@PathParam("id") Long id, @PathParam("key") String key, @RestForm String name,
            @RestForm String color, @RestForm String shortcut, @RestForm String description, @RestForm String linksEntity) {
        Label label = labels.update(projects.require(id), key, new LabelService.LabelChange(name, color,
                shortcut == null ? "" : shortcut, description == null ? "" : description, linksEntity != null, null, null, null));
        return back(id, "Label " + label.name + " saved.");
    }

    @POST
    @Path("{key}/move")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response move(@PathParam("id") Long id, @PathParam("key") String key, @RestForm Integer position) {
        Label label = labels.update(projects.require(id), key, new LabelService.LabelChange(null, null, null, null, null,
                position, null, null));
        return back(id, "Label " + label.name + " moved.");
    }

    @POST
    @Path("{key}/retire")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response retire(@PathParam("id") Long id, @PathParam("key") String key) {
        Label label = labels.retire(projects.require(id), key);
        return back(id, "Label " + label.name + " retired: its spans keep it; new spans cannot take it.");
    }

    @POST
    @Path("{key}/restore")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response restore(@PathParam("id") Long id, @PathParam("key") String key) {
        Label label = labels.update(projects.require(id), key, new LabelService.LabelChange(null, null, null, null, null,
                null, false, null));
        return back(id, "Label " + label.name + " is in use again; give it a shortcut if it needs one.");
    }

    /**
     * One attribute definition added to the label's: key, name, kind and, for a choice, its
     * choices (one per line or comma-separated). Refused input goes back to the page with the reason.
     */
    @POST
    @Path("{key}/attributes")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response addAttribute(@PathParam("id") Long id, @PathParam("key") String key, @RestForm("key") String attribute,
            @RestForm String name, @RestForm String type, @RestForm String choices) {
        List<String> listed = choices == null ? List.of()
                : Arrays.stream(choices.split("[,\\n]")).map(String::strip).filter(c -> !c.isEmpty()).toList();
        Label label = labels.addAttribute(projects.require(id), key, new LabelAttribute(attribute, name, type, listed));
        return back(id, "Attribute " + attribute.strip() + " added to " + label.name + ".");
    }

    @POST
    @Path("{key}/attributes/{attribute}/remove")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response removeAttribute(@PathParam("id") Long id, @PathParam("key") String key,
            @PathParam("attribute") String attribute) {
        Label label = labels.removeAttribute(projects.require(id), key, attribute);
        return back(id, "Attribute " + attribute + " removed from " + label.name + "; spans keep the values they were given.");
    }

    /** A relation type: the labels ticked for each end (none ticked is refused, with the reason, on the page). */
    @POST
    @Path("relation-types")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response addRelationType(@PathParam("id") Long id, @RestForm String key, @RestForm String name,
            @RestForm("from") List<String> from, @RestForm("to") List<String> to) {
        RelationType type = relationTypes.create(projects.require(id), new RelationTypeService.NewRelationType(key, name, from, to));
        return back(id, "Relation type " + type.name + " added: " + String.join(" or ", type.from()) + " → "
                + String.join(" or ", type.to()) + ".");
    }

    private static Response back(long projectId, String said) {
        return Notice.seeOther("/projects/" + projectId + "/labels", said);
    }
}
