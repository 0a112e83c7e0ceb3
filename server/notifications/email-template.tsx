// The notification email, written with React Email: one component renders the HTML
// part, and `render(…, { plainText: true })` the text part from the same tree. The
// message's Markdown is rendered by the project's safe renderer (domain/markdown.ts).
import { Body, Container, Heading, Hr, Html, Img, Link, Preview, Section, Text, render } from "@react-email/components";
import { renderMarkdown } from "../domain/markdown.js";

/** What one notification says. */
export interface NotificationContent {
  pageTitle: string;
  theme: "LIGHT" | "DARK";
  logoUrl: string | null;
  /** e.g. "Incident" or "Maintenance". */
  subjectLabel: string;
  name: string;
  /** e.g. "Investigating", "In progress". */
  status: string;
  /** Markdown. */
  message: string;
  components: string[];
  /** When the maintenance runs, for maintenance. */
  window: string | null;
  pageUrl: string;
  manageUrl: string;
  unsubscribeUrl: string;
}

const COLOURS = {
  LIGHT: { bg: "#ffffff", surface: "#f6f8fa", fg: "#1f2328", muted: "#59636e", link: "#0969da", border: "#d1d9e0" },
  DARK: { bg: "#0d1117", surface: "#151b23", fg: "#f0f6fc", muted: "#9198a1", link: "#4493f8", border: "#3d444d" },
} as const;

function NotificationEmail(c: NotificationContent) {
  const colour = COLOURS[c.theme];
  const text = { color: colour.fg, fontSize: "15px", lineHeight: "22px" };
  return (
    <Html lang="en">
      <Preview>{`${c.subjectLabel}: ${c.name} — ${c.status}`}</Preview>
      <Body style={{ backgroundColor: colour.bg, fontFamily: "system-ui, -apple-system, Segoe UI, sans-serif", margin: 0 }}>
        <Container style={{ backgroundColor: colour.surface, border: `1px solid ${colour.border}`, padding: "24px", maxWidth: "600px" }}>
          {c.logoUrl ? <Img src={c.logoUrl} alt={c.pageTitle} height="40" /> : null}
          <Text style={{ ...text, color: colour.muted }}>{c.pageTitle}</Text>
          <Heading as="h1" style={{ color: colour.fg, fontSize: "22px" }}>
            {`${c.subjectLabel}: ${c.name}`}
          </Heading>
          <Text style={{ ...text, fontWeight: 600 }}>{`Status: ${c.status}`}</Text>
          {c.window ? <Text style={text}>{`Window: ${c.window}`}</Text> : null}
          <Section style={text}>
            {/* biome-ignore lint/security/noDangerouslySetInnerHtml: renderMarkdown escapes raw HTML and drops dangerous URLs (domain/markdown.ts) */}
            <div dangerouslySetInnerHTML={{ __html: renderMarkdown(c.message) }} />
          </Section>
          {c.components.length > 0 ? <Text style={text}>{`Affected components: ${c.components.join(", ")}`}</Text> : null}
          <Text style={text}>
            <Link href={c.pageUrl} style={{ color: colour.link }}>
              {`View the ${c.pageTitle} status page`}
            </Link>
          </Text>
          <Hr style={{ borderColor: colour.border }} />
          <Text style={{ ...text, color: colour.muted, fontSize: "13px" }}>
            {"You subscribed to updates of this status page. "}
            <Link href={c.manageUrl} style={{ color: colour.link }}>
              Manage your subscription
            </Link>
            {" or "}
            <Link href={c.unsubscribeUrl} style={{ color: colour.link }}>
              unsubscribe
            </Link>
            .
          </Text>
        </Container>
      </Body>
    </Html>
  );
}

/** The email's HTML and plain-text parts. */
export async function renderNotification(content: NotificationContent): Promise<{ html: string; text: string }> {
  const element = <NotificationEmail {...content} />;
  const [html, text] = await Promise.all([render(element), render(element, { plainText: true })]);
  return { html, text };
}

/** The confirmation email of a new subscription: the only mail sent before it is confirmed. */
function ConfirmationEmail(c: { pageTitle: string; confirmUrl: string; hours: number }) {
  const text = { color: "#1f2328", fontSize: "15px", lineHeight: "22px" };
  return (
    <Html lang="en">
      <Preview>{`Confirm your subscription to ${c.pageTitle}`}</Preview>
      <Body style={{ fontFamily: "system-ui, -apple-system, Segoe UI, sans-serif" }}>
        <Container style={{ padding: "24px", maxWidth: "600px" }}>
          <Text style={text}>{`Someone, hopefully you, asked to be told of incidents and maintenance on the ${c.pageTitle} status page.`}</Text>
          <Text style={text}>
            <Link href={c.confirmUrl}>Confirm the subscription</Link>
          </Text>
          <Text
            style={text}
          >{`The link works once and expires in ${c.hours} hours. If you did not ask for this, ignore this email: nothing more is sent.`}</Text>
        </Container>
      </Body>
    </Html>
  );
}

export async function renderConfirmation(c: { pageTitle: string; confirmUrl: string; hours: number }): Promise<{ html: string; text: string }> {
  const element = <ConfirmationEmail {...c} />;
  const [html, text] = await Promise.all([render(element), render(element, { plainText: true })]);
  return { html, text };
}
