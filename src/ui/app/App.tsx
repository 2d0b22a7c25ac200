// Placeholder: replaced by the real lab UI.
export function App() {
  return (
    <main>
      <h1>lparlab</h1>
      <p>A visual lab for inter-partition message passing.</p>
    </main>
  );
}
