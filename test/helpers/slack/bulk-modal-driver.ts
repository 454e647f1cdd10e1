import type { FakeSlackApi } from "../../../src/local-slack/fake-slack-api.ts";
import { postInteraction, postSlashCommand } from "../../../src/local-slack/signed-requests.ts";
import { ids } from "../../../src/slack/shared/ids.ts";
import { until } from "../until.ts";

/**
 * The bulk modal driven over HTTP as Slack drives it: `/license bulk` opens the form, its
 * submission shows the preview, the preview's submission applies the change. What the app shows
 * is read off the fake's views.update calls.
 */
export class BulkModalDriver {
  constructor(
    private readonly fake: FakeSlackApi,
    private readonly signingSecret: string,
  ) {}

  /** `/license bulk` as `adminId`; resolves with the id of the modal once the form is in it. */
  async openForm(appUrl: string, adminId: string): Promise<string> {
    const before = this.fake.calls.length;
    const http = await postSlashCommand(appUrl, this.signingSecret, {
      command: "/license",
      text: "bulk",
      user_id: adminId,
      team_id: this.fake.teamId,
      trigger_id: this.fake.issueTriggerId(),
      response_url: this.fake.responseUrl(),
    });
    if (http.status !== 200) throw new Error(`/license bulk: HTTP ${http.status}`);
    const form = await this.#viewUpdate(before, (call) => callbackOf(call.view) === ids.bulkForm.callbackId);
    return form.view_id as string;
  }

  /**
   * Submits the form adding `productId` (one or several) to `userIds`, and taking `removeIds`;
   * resolves once the preview offers Apply.
   */
  async submitForm(
    appUrl: string,
    adminId: string,
    viewId: string,
    userIds: string[],
    productId: string | string[],
    removeIds: string[] = [],
  ): Promise<void> {
    const option = (value: string) => ({ value });
    const before = this.fake.calls.length;
    const f = ids.bulkForm;
    const http = await postInteraction(appUrl, this.signingSecret, {
      ...this.#submission(adminId, viewId, f.callbackId, JSON.stringify({ workspaceId: this.fake.teamId })),
      view: {
        ...this.#view(viewId, f.callbackId, JSON.stringify({ workspaceId: this.fake.teamId })),
        state: {
          values: {
            [f.peopleBlock]: { [f.peopleAction]: { type: "multi_users_select", selected_users: userIds } },
            [f.addBlock]: {
              [f.addAction]: {
                type: "multi_static_select",
                selected_options: [productId].flat().map(option),
              },
            },
            [f.removeBlock]: {
              [f.removeAction]: { type: "multi_static_select", selected_options: removeIds.map(option) },
            },
            [f.modeBlock]: { [f.modeAction]: { type: "radio_buttons", selected_option: { value: "add" } } },
          },
        },
      },
    });
    if (http.status !== 200) throw new Error(`bulk form submission: HTTP ${http.status}`);
    const preview = await this.#viewUpdate(
      before,
      (call) => call.view_id === viewId && callbackOf(call.view) === ids.bulkPreview.callbackId,
    );
    if (!(preview.view as { submit?: unknown }).submit) {
      throw new Error(`the bulk preview offers no Apply: ${JSON.stringify(preview.view).slice(0, 500)}`);
    }
  }

  /** Submits the preview, which applies the change after the ack; resolves with the ack. */
  async submitPreview(appUrl: string, adminId: string, viewId: string): Promise<number> {
    const http = await postInteraction(
      appUrl,
      this.signingSecret,
      this.#submission(adminId, viewId, ids.bulkPreview.callbackId, ""),
    );
    return http.status;
  }

  /** The words the modal shows once the apply is over (the result, or what went wrong). */
  async outcome(viewId: string, sinceCall: number, timeoutMs = 15_000): Promise<string> {
    // The preview's ack put the loading modal up; the notice that replaces it has a Close button.
    const done = await this.#viewUpdate(
      sinceCall,
      (call) => call.view_id === viewId && Boolean((call.view as { close?: unknown } | null)?.close),
      timeoutMs,
    );
    const [section] = (done.view as { blocks?: { text?: { text?: string } }[] }).blocks ?? [];
    return section?.text?.text ?? JSON.stringify(done.view);
  }

  #submission(adminId: string, viewId: string, callbackId: string, privateMetadata: string) {
    return {
      type: "view_submission",
      team: { id: this.fake.teamId, domain: "fake" },
      user: { id: adminId, team_id: this.fake.teamId },
      api_app_id: "A0FAKEAPP1",
      view: this.#view(viewId, callbackId, privateMetadata),
    };
  }

  #view(viewId: string, callbackId: string, privateMetadata: string) {
    return {
      id: viewId,
      hash: "1",
      type: "modal",
      callback_id: callbackId,
      private_metadata: privateMetadata,
      state: { values: {} },
    };
  }

  async #viewUpdate(
    sinceCall: number,
    matches: (args: Record<string, unknown>) => boolean,
    timeoutMs = 15_000,
  ): Promise<Record<string, unknown>> {
    const found = await until(
      () =>
        this.fake.calls
          .slice(sinceCall)
          .filter((c) => c.method === "views.update" && !c.error)
          .map((c) => c.args as Record<string, unknown>)
          .find(matches),
      (update) => update !== undefined,
      timeoutMs,
    );
    if (found) return found;
    throw new Error(`the bulk modal did not change as expected within ${timeoutMs} ms`);
  }
}

function callbackOf(view: unknown): unknown {
  return (view as { callback_id?: unknown } | null)?.callback_id;
}
