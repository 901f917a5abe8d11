package ru.metodichka.structure;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlClient;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import ru.metodichka.auth.CurrentUser;
import ru.metodichka.community.Access;
import ru.metodichka.community.CommunityService;
import ru.metodichka.community.Slugs;
import ru.metodichka.error.AppError;
import ru.metodichka.page.PageViewCache;
import ru.metodichka.structure.StructureTree.Branch;

/**
 * The structure of a community's information resource (§4.8): everyone who may see the community
 * reads it (with the pages they may see); its moderators and administrators arrange it, as a whole
 * tree ({@link #replace}) or a step at a time ({@link #arrange}). A change is one transaction under
 * the community's structure lock, made from the version its author saw (an older one is refused:
 * nothing is overwritten unseen), and recorded with the whole tree it made. Pages are keyed by id,
 * so a renamed page keeps its place. After a change every cached page goes: each shows its place.
 */
public final class StructureService {
  private final Pool pool;
  private final CommunityService communities;
  private final PageViewCache viewCache;
  private final StructureRepository repository = new StructureRepository();

  public StructureService(Pool pool, CommunityService communities, PageViewCache viewCache) {
    this.pool = pool;
    this.communities = communities;
    this.viewCache = viewCache;
  }

  /** The structure as {@code actor} may see it. */
  public Future<Structure> read(CurrentUser actor, String community) {
    return communities.access(pool, actor, community).compose(access -> read(pool, access));
  }

  /** The structure as the reader of {@code access} may see it. */
  public Future<Structure> read(Access access) {
    return read(pool, access);
  }

  private Future<Structure> read(SqlClient sql, Access access) {
    long id = access.community().id();
    var pages = repository.pages(sql, id, access.insider());
    var last = repository.lastChange(sql, id);
    return Future.all(pages, last)
        .map(
            v -> {
              StructureTree.Built built = StructureTree.of(pages.result());
              StructureRepository.LastChange change = last.result();
              return new Structure(
                  access,
                  change.version(),
                  built.tree(),
                  built.unplaced(),
                  change.by(),
                  change.at());
            });
  }

  /**
   * Replaces the whole tree with {@code body} ({@code [{"slug", "children": […]}]}); pages not in
   * it leave the tree. 422 naming each unknown, repeated or cyclic slug; 409 when {@code version}
   * (when given) is not the current one.
   */
  public Future<Structure> replace(
      CurrentUser actor, String community, Integer version, JsonArray body) {
    return change(
        actor,
        community,
        version,
        (tx, access, pages) -> {
          List<TreeInput.Requested> requested = TreeInput.parse(body);
          return resolve(requested, pages);
        });
  }

  /**
   * Makes one step with the page {@code slug} (a screen's button), from {@code version}; a step
   * that cannot be made changes nothing and records nothing.
   */
  public Future<Structure> arrange(
      CurrentUser actor, String community, int version, String slug, Move move) {
    return change(
        actor,
        community,
        version,
        (tx, access, pages) -> {
          StructurePage page = bySlug(pages).get(key(slug));
          if (page == null) {
            throw AppError.notFound("page_not_found", slug);
          }
          List<Branch> tree = Branch.of(StructureTree.of(pages).tree());
          return move.apply(tree, page.id()) ? tree : null;
        });
  }

  /** What a change makes of the current tree; null for no change. */
  private interface Change {
    List<Branch> apply(SqlClient tx, Access access, List<StructurePage> pages);
  }

  private Future<Structure> change(
      CurrentUser actor, String community, Integer version, Change change) {
    return pool.<Structure>withTransaction(
            tx ->
                communities
                    .access(tx, actor, community)
                    .map(Access::requireModerator)
                    .compose(access -> change(tx, access, version, change)))
        .onSuccess(changed -> viewCache.placementChanged());
  }

  private Future<Structure> change(SqlClient tx, Access access, Integer version, Change change) {
    long id = access.community().id();
    return repository
        .lock(tx, id)
        .compose(v -> repository.lastChange(tx, id))
        .compose(
            last -> {
              if (version != null && version != last.version()) {
                throw AppError.conflict("structure_stale", last.version())
                    .with("version", last.version());
              }
              return repository.pages(tx, id, true);
            })
        .compose(
            pages -> {
              List<Branch> tree = change.apply(tx, access, pages);
              if (tree == null) {
                return Future.succeededFuture();
              }
              return repository.write(
                  tx,
                  id,
                  access.user().id(),
                  StructureTree.placements(tree),
                  record(tree, byId(pages)));
            })
        .compose(v -> read(tx, access));
  }

  /** The requested tree as pages; 422 naming every unknown, repeated or cyclic slug. */
  private static List<Branch> resolve(
      List<TreeInput.Requested> requested, List<StructurePage> pages) {
    Map<String, StructurePage> bySlug = bySlug(pages);
    List<AppError.FieldError> errors = new ArrayList<>();
    List<Branch> tree = resolve(requested, bySlug, new HashSet<>(), new HashSet<>(), errors);
    if (!errors.isEmpty()) {
      throw AppError.invalid(errors);
    }
    return tree;
  }

  private static List<Branch> resolve(
      List<TreeInput.Requested> nodes,
      Map<String, StructurePage> bySlug,
      Set<String> above,
      Set<String> seen,
      List<AppError.FieldError> errors) {
    List<Branch> branches = new ArrayList<>();
    for (TreeInput.Requested node : nodes) {
      String key = key(node.slug());
      StructurePage page = key == null ? null : bySlug.get(key);
      if (key != null && above.contains(key)) {
        errors.add(new AppError.FieldError(node.field(), "structure_cycle", node.slug()));
      } else if (key != null && !seen.add(key)) {
        errors.add(new AppError.FieldError(node.field(), "structure_repeated", node.slug()));
      } else if (page == null) {
        errors.add(new AppError.FieldError(node.field(), "structure_unknown", node.slug()));
      }
      if (key != null) {
        above.add(key);
      }
      List<Branch> under = resolve(node.children(), bySlug, above, seen, errors);
      if (key != null) {
        above.remove(key);
      }
      if (page != null) {
        branches.add(new Branch(page.id(), under));
      }
    }
    return branches;
  }

  /** A slug's key as the pages table keeps it; null for a slug no page can have. */
  private static String key(String slug) {
    return slug != null && Slugs.isValid(slug) ? Slugs.key(slug) : null;
  }

  private static Map<String, StructurePage> bySlug(List<StructurePage> pages) {
    Map<String, StructurePage> bySlug = new HashMap<>();
    pages.forEach(p -> bySlug.put(Slugs.key(p.slug()), p));
    return bySlug;
  }

  private static Map<Long, StructurePage> byId(List<StructurePage> pages) {
    Map<Long, StructurePage> byId = new HashMap<>();
    pages.forEach(p -> byId.put(p.id(), p));
    return byId;
  }

  /** The whole tree as the record keeps it: ids, with the slugs and titles the pages had then. */
  private static JsonArray record(List<Branch> tree, Map<Long, StructurePage> pages) {
    JsonArray nodes = new JsonArray();
    for (Branch branch : tree) {
      StructurePage page = pages.get(branch.id());
      nodes.add(
          new JsonObject()
              .put("id", branch.id())
              .put("slug", page.slug())
              .put("title", page.title())
              .put("children", record(branch.children(), pages)));
    }
    return nodes;
  }
}
