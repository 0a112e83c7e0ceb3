// What an operation's answer showed that makes it depend on who asks. Resolvers note
// the fact; the HTTP layer (http/cache-scope.ts) decides what that means for caching.
const customerPages = new WeakSet<object>();

/** The answer of the operation running with this context shows a customer page, whose content depends on who is signed in. */
export function showsCustomerPage(context: object): void {
  customerPages.add(context);
}

/** Whether the operation running with this context has shown a customer page. */
export function hasShownCustomerPage(context: object): boolean {
  return customerPages.has(context);
}
