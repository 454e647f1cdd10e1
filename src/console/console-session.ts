import { dmChannelFor } from "../local-slack/fake-slack-api.ts";
import type { Catalog } from "../slack/copy/en.ts";
import { fieldProblemFor } from "./field-checks.ts";
import { Cancelled, type ConsoleOutput, type LineSource, StepFailure } from "./line-source.ts";
import type { LocalSlack, Origin, StepAnswer } from "./local-slack.ts";
import { askInput, EndOfInput, type InputBlock, type StateValue } from "./modal-questions.ts";
import { namer, presentChanges, presentView } from "./present.ts";
import { type Choice, ChoiceBook, optionsOf, pickFrom } from "./render/choices.ts";
import { jobsTime } from "./run-jobs.ts";
import { words } from "./words.ts";

export interface ConsoleDeps {
  local: LocalSlack;
  source: LineSource;
  out: ConsoleOutput;
  /** Runs the daily jobs as of `at` and sends their messages; returns what each job did. */
  runJobs(at: Date): Promise<Record<string, number>>;
  /** Errors the app logged since the last call. */
  appErrors(): string[];
  /** With a demo tenant: what it did since the last call, one line each. */
  tenantActivity?(): string[];
  /**
   * The Slack person the console speaks as (`as` changes it). The console has no actor of its own:
   * the app holds this person to rule 10 exactly as it would in Slack.
   */
  actingUserId: string;
  /** The words the person the console speaks as reads, by the app's own rule (`lang` changes it). */
  catalogOf(userId: string): Promise<Catalog>;
  /** Where files the app shares (exports) are saved; without it they are only listed. */
  filesDir?: string;
}

type Values = Record<string, Record<string, StateValue>>;

/**
 * The console's loop: each line is a slash command, a press, a Home visit or a console command;
 * what the app sends back is written as text, and a modal it opens is walked field by field.
 * A script stops at its first failure (exit 1); a person at a terminal is told and goes on.
 */
export class ConsoleSession {
  #user: string;
  #book = new ChoiceBook<Origin>();
  #modals: string[] = [];
  #homeOpen = false;
  /** Where each person stopped reading: on `as`, what came for them since is shown. */
  readonly #readUpTo = new Map<string, ReturnType<LocalSlack["mark"]>>();
  readonly #start: ReturnType<LocalSlack["mark"]>;

  constructor(private readonly deps: ConsoleDeps) {
    this.#user = deps.actingUserId;
    this.#start = deps.local.mark();
  }

  get #prompt(): string {
    return words.prompt(`@${namer(this.deps.local)(this.#user) ?? this.#user}`);
  }

  /** Runs until `quit` or the end of the input; the exit code. */
  async run(): Promise<number> {
    const { source, out } = this.deps;
    for (;;) {
      try {
        const line = await source.read(this.#prompt);
        if (line === undefined || /^(quit|exit)$/i.test(line)) break;
        await this.#handle(line);
        await this.#walkModals();
      } catch (error) {
        if (error instanceof EndOfInput) break;
        if (!(error instanceof StepFailure)) throw error;
        if (!source.interactive) {
          out.line(words.failedAt(source.where(), error.message));
          return 1;
        }
        out.line(`! ${error.message}`);
        if (this.#modals.length > 0) out.line(words.modalCancelled());
        this.#modals = [];
      }
    }
    if (source.interactive) out.line(words.bye());
    return 0;
  }

  async #handle(line: string): Promise<void> {
    const { local, out } = this.deps;
    const [word = "", ...rest] = line.split(/\s+/);
    const argument = rest.join(" ");
    if (word === "/license") {
      this.#homeOpen = false;
      await this.#afterStep(await local.command(this.#user, this.#mentions(argument)));
    } else if (word === "as") {
      const person = this.#person(argument);
      if (!person) throw new StepFailure(words.unknownPerson(argument));
      this.#readUpTo.set(this.#user, local.mark());
      this.#user = person.id;
      this.#book = new ChoiceBook();
      this.#modals = [];
      this.#homeOpen = false;
      out.line(words.actingAs(`@${person.name}`, person.real_name));
      const unread = local.changesSince(this.#readUpTo.get(person.id) ?? this.#start);
      const forThem = unread.messages.filter(
        ({ message }) => message.ephemeralTo === person.id || message.channel === dmChannelFor(person.id),
      );
      if (forThem.length > 0) {
        presentChanges(
          local,
          out,
          { replies: [], views: [], files: [], messages: forThem },
          person.id,
          this.#book,
        );
      }
    } else if (word === "lang") {
      // The same choice as `/license language`, made through the app, for the person acting.
      this.#homeOpen = false;
      await this.#afterStep(await local.command(this.#user, `language ${argument}`.trim()));
    } else if (word === "home") {
      this.#homeOpen = true;
      await this.#afterStep(await local.openHome(this.#user));
    } else if (word === "pick") {
      await this.#pick(argument);
    } else if (word === "jobs") {
      await this.#jobs(argument);
    } else if (word === "help") {
      out.line(words.help());
    } else {
      throw new StepFailure(words.unknownCommand(line));
    }
  }

  /** `@bo` becomes `<@U…|bo>`, as Slack escapes a mention in a command's text. */
  #mentions(text: string): string {
    return text.replace(/(^|\s)@([\w.-]+)/g, (whole, space: string, name: string) => {
      const person = this.#person(`@${name}`);
      return person ? `${space}<@${person.id}|${person.name}>` : whole;
    });
  }

  #person(name: string) {
    const wanted = name.trim().replace(/^@/, "").toLowerCase();
    return this.deps.local.fake.users.list().find((u) => u.name.toLowerCase() === wanted && !u.is_bot);
  }

  async #pick(answer: string): Promise<void> {
    const choice = this.#book.find(answer);
    if (!choice) throw new StepFailure(words.noSuchChoice(answer));
    await this.#press(choice);
  }

  async #press(choice: Choice<Origin>): Promise<void> {
    const { element } = choice;
    let selected: unknown;
    if (element.type !== "button") {
      const options = optionsOf(element);
      this.deps.out.lines(
        options.map((o, i) => `${i + 1}. ${o.text.text ?? ""}`),
        "   ",
      );
      const answer = await this.deps.source.read(words.modalChoose());
      if (answer === undefined) throw new EndOfInput();
      selected = pickFrom(options, answer, (o) => o.text.text ?? "");
      if (!selected) throw new StepFailure(words.noSuchChoice(answer));
    }
    const pressed = { element, blockId: choice.blockId, origin: choice.origin };
    await this.#afterStep(
      await this.deps.local.press(this.#user, selected === undefined ? pressed : { ...pressed, selected }),
    );
  }

  async #jobs(argument: string): Promise<void> {
    const at = jobsTime(argument, new Date());
    if (!at) throw new StepFailure(words.badTime(argument));
    const { result, changes } = await this.deps.local.observe(() => this.deps.runJobs(at));
    const done = Object.entries(result)
      .filter(([, count]) => count > 0)
      .map(([job, count]) => `${job.replaceAll("_", " ")} ${count}`)
      .join(", ");
    this.deps.out.line(words.jobsRan(at.toISOString(), done || words.jobsNothing()));
    await this.#afterStep({
      http: { status: 200, headers: new Headers(), body: "" },
      changes,
      settled: true,
    });
  }

  /** Writes what a step did; keeps track of the modals it opened and the Home tab it published. */
  async #afterStep(answer: StepAnswer): Promise<void> {
    const { local, out } = this.deps;
    let homeChanged = false;
    for (const event of answer.changes.views) {
      if (event.method === "views.open") this.#modals = [event.viewId];
      if (event.method === "views.push") this.#modals.push(event.viewId);
      if (event.method === "views.publish" && event.userId === this.#user) homeChanged = true;
    }
    const book = new ChoiceBook<Origin>();
    presentChanges(local, out, answer.changes, this.#user, book, this.deps.filesDir);
    out.lines(this.deps.tenantActivity?.() ?? []);
    const home = local.fake.views.home(this.#user);
    if (this.#homeOpen && homeChanged && home) {
      out.line(words.homeHeading(`@${namer(local)(this.#user)}`));
      presentView(local, out, home.id, book);
    }
    if (book.list.length > 0) this.#book = book;
    const problems = [
      ...(answer.http.status === 200 ? [] : [words.httpFailed(answer.http.status)]),
      ...(answer.settled ? [] : [words.stillWorking()]),
      ...this.deps.appErrors().map((e) => words.appError(e)),
    ];
    if (problems.length > 0) throw new StepFailure(problems.join("\n"));
  }

  /** Shows the open modal and asks for its fields, or for its buttons when it has none; until none is open. */
  async #walkModals(): Promise<void> {
    const { local, out } = this.deps;
    while (this.#modals.length > 0) {
      const viewId = this.#modals[this.#modals.length - 1] as string;
      const book = new ChoiceBook<Origin>();
      // Inputs are asked one by one below, so the view is shown without them.
      const view = presentView(local, out, viewId, book, { withoutInputs: true });
      if (!view) {
        this.#modals.pop();
        continue;
      }
      const inputs = ((view.blocks ?? []) as { type: string }[]).filter(
        (b): b is InputBlock => b.type === "input",
      );
      const submit = (view.submit as { text?: string } | undefined)?.text;
      if (inputs.length === 0 && !submit) {
        this.#modals.pop();
        if (book.list.length > 0) this.#book = book;
        continue;
      }
      try {
        if (inputs.length > 0) {
          await this.#submit(viewId, inputs, await this.#ask(viewId, inputs, {}));
          continue;
        }
        const close = (view.close as { text?: string } | undefined)?.text ?? "Cancel";
        const submitChoice = book.add(words.submitLabel(submit ?? ""), { type: "submit" }, "", {
          kind: "view",
          viewId,
        });
        const closeChoice = book.add(words.closeLabel(close), { type: "close" }, "", {
          kind: "view",
          viewId,
        });
        out.line(`[${submitChoice}] ${submit}  [${closeChoice}] ${close}`);
        const choice = await this.#choose(book);
        if (choice.element.type === "submit") await this.#submit(viewId, [], {});
        else if (choice.element.type === "close") throw new Cancelled();
        else await this.#press(choice);
      } catch (error) {
        if (!(error instanceof Cancelled)) throw error;
        this.#modals.pop();
        out.line(words.modalCancelled());
      }
    }
  }

  /** One of the numbered choices; a person who names none is asked again, a script fails. */
  async #choose(book: ChoiceBook<Origin>): Promise<Choice<Origin>> {
    const { source, out } = this.deps;
    for (;;) {
      const answer = await source.read(words.modalChoose(), { inModal: true });
      if (answer === undefined) throw new EndOfInput();
      if (answer.toLowerCase() === "cancel") throw new Cancelled();
      const choice = book.find(answer);
      if (choice) return choice;
      if (!source.interactive) throw new StepFailure(words.noSuchChoice(answer));
      out.line(`  ${words.noSuchChoice(answer)}`);
    }
  }

  async #ask(viewId: string, inputs: InputBlock[], values: Values): Promise<Values> {
    const people = this.deps.local.fake.users.list().filter((u) => !u.is_bot && !u.deleted);
    const check = fieldProblemFor(this.deps.local.fake.views.get(viewId)?.callback_id);
    const t = check ? await this.deps.catalogOf(this.#user) : undefined;
    const fieldProblem =
      check && t ? (blockId: string, typed: string) => check(t, blockId, typed) : undefined;
    const ctx = {
      source: this.deps.source,
      out: this.deps.out,
      people,
      prompt: "  > ",
      ...(fieldProblem ? { fieldProblem } : {}),
    };
    for (const [index, block] of inputs.entries()) {
      const blockId = block.block_id ?? `input_${index}`;
      const actionId = block.element?.action_id ?? `action_${index}`;
      values[blockId] = { [actionId]: await askInput(block, ctx) };
    }
    return values;
  }

  /** Submits, and asks again for the fields the app refuses, until it takes the submission. */
  async #submit(viewId: string, inputs: InputBlock[], first: Values): Promise<void> {
    const { local, out } = this.deps;
    let values = first;
    for (;;) {
      const answer = await local.submit(this.#user, viewId, values);
      const body = (typeof answer.http.body === "object" ? answer.http.body : {}) as {
        response_action?: string;
        errors?: Record<string, string>;
        view?: Record<string, unknown>;
      };
      if (body.response_action === "errors" && body.errors) {
        const refused = inputs.filter((b, i) => (b.block_id ?? `input_${i}`) in (body.errors ?? {}));
        for (const block of refused) {
          out.line(words.fieldError(block.label?.text ?? "", body.errors[block.block_id ?? ""] ?? ""));
        }
        await this.#afterStep(answer);
        if (refused.length === 0) throw new StepFailure(JSON.stringify(body.errors));
        values = await this.#ask(viewId, refused, values);
        continue;
      }
      const updatedMeanwhile = answer.changes.views.some(
        (e) => e.method === "views.update" && e.viewId === viewId,
      );
      if ((body.response_action === "update" || body.response_action === "push") && body.view) {
        if (!updatedMeanwhile) local.fake.views.updateFromAnswer(viewId, body.view);
      } else if (body.response_action === "clear") {
        this.#modals = [];
      } else {
        this.#modals = this.#modals.filter((id) => id !== viewId);
      }
      await this.#afterStep(answer);
      return;
    }
  }
}
