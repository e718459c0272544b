package io.gloss.demo;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.gloss.article.ArticleInput;
import io.gloss.article.ArticleService;
import io.gloss.auth.AccountService;
import io.gloss.auth.Role;
import io.gloss.auth.UserAccount;
import io.gloss.project.NewsPreset;
import io.gloss.project.Project;
import io.gloss.project.ProjectMember;
import io.gloss.web.GlossException;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * What a fresh database gets at start: the first admin from {@code GLOSS_ADMIN_PASSWORD}, and,
 * on the embedded default, a demo project with labels, three articles written for Gloss and the
 * demo users editor, reviewer and admin. Runs only while the database has no project, so it
 * never touches real data.
 */
@ApplicationScoped
public class StartupData {

    private static final Logger LOG = Logger.getLogger(StartupData.class);
    static final String DEMO_PROJECT = "Kursk prisoners (demo)";

    @Inject
    DemoConfig demo;

    @Inject
    FirstAdminConfig firstAdmin;

    @Inject
    AccountService accounts;

    @Inject
    NewsPreset newsPreset;

    @Inject
    ArticleService articles;

    @Inject
    ObjectMapper json;

    @Transactional
    void onStart(@Observes StartupEvent event) {
        firstAdmin.password().filter(p -> !p.isBlank()).ifPresent(password -> {
            if (!accounts.adminExists() && UserAccount.findByUsername("admin").isEmpty()) {
                createOrExplain("GLOSS_ADMIN_PASSWORD", "admin", password, List.of(Role.ADMIN, Role.REVIEWER, Role.EDITOR));
                LOG.info("Created the account admin with the password from GLOSS_ADMIN_PASSWORD.");
            }
        });
        if (demo.enabled() && Project.count() == 0) {
            loadDemo();
        }
    }

    private void loadDemo() {
        List<String> printed = new ArrayList<>();
        demoUser("editor", List.of(Role.EDITOR), printed);
        demoUser("reviewer", List.of(Role.REVIEWER), printed);
        demoUser("admin", List.of(Role.ADMIN, Role.REVIEWER, Role.EDITOR), printed);

        Project project = new Project();
        project.name = DEMO_PROJECT;
        project.description = "Reports on the North Korean soldiers captured by Ukraine in the Kursk region, January 2025.";
        project.guidelines = resource("demo/guidelines.md");
        project.createdAt = java.time.Instant.now();
        project.persist();
        newsPreset.addLabels(project);
        for (String member : List.of("editor", "reviewer", "admin")) {
            ProjectMember.of(project.id, member).persist();
        }
        List<ArticleInput> demoArticles = new ArrayList<>();
        try {
            for (String line : resource("demo/articles.jsonl").split("\n")) {
                if (!line.isBlank()) {
                    demoArticles.add(json.readValue(line, ArticleInput.class));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("The demo articles in the jar are unreadable", e);
        }
        articles.importFiles(project, demoArticles, "admin");
        if (!printed.isEmpty()) {
            LOG.info("\n================ Gloss demo accounts (shown once) ================\n"
                    + String.join("\n", printed)
                    + "\n==================================================================");
        }
        LOG.infof("Loaded the demo project \"%s\" with %d articles.", DEMO_PROJECT, demoArticles.size());
    }

    private void demoUser(String username, List<String> roles, List<String> printed) {
        if (UserAccount.findByUsername(username).isPresent()) {
            return;
        }
        String password = demo.password().filter(p -> !p.isBlank()).orElseGet(StartupData::randomPassword);
        createOrExplain("GLOSS_DEMO_PASSWORD", username, password, roles);
        printed.add(String.format("  %-9s password: %-20s roles: %s", username, password, String.join(", ", roles)));
    }

    /** A password the operator chose that the policy refuses stops the start with a sentence naming the setting. */
    private void createOrExplain(String setting, String username, String password, List<String> roles) {
        try {
            accounts.create(username, password, roles);
        } catch (GlossException refused) {
            throw new IllegalStateException(setting + " is refused: " + refused.getMessage());
        }
    }

    private static String randomPassword() {
        String alphabet = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        SecureRandom random = new SecureRandom();
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 14; i++) {
            sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return sb.toString();
    }

    private static String resource(String path) {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException(path + " is missing from the build");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
